using System.Text.RegularExpressions;
using SpApi.Notifications.V1;

namespace SpApi.Notifications;

/// <summary>
/// Creates where notifications go (an SQS queue or an EventBridge partner source) and subscribes a
/// notification type to it, through the generated Notifications client (so the whole pipeline applies:
/// grantless tokens for destinations, rate limits, retries). Arguments are checked before anything is sent.
/// </summary>
public sealed partial class NotificationSubscriptions(INotificationsClient client)
{
    private readonly INotificationsClient _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Creates an SQS destination; <paramref name="queueArn"/> is the queue's ARN (<c>arn:aws:sqs:REGION:ACCOUNT:NAME</c>).</summary>
    public async Task<Destination> CreateSqsDestinationAsync(string name, string queueArn, CancellationToken cancellationToken = default)
    {
        RequireName(name);
        if (string.IsNullOrWhiteSpace(queueArn) || !SqsArn().IsMatch(queueArn))
            throw new ArgumentException("Expected an SQS queue ARN: arn:aws:sqs:<region>:<12-digit account>:<queue name>.", nameof(queueArn));
        var response = await _client.CreateDestinationAsync(new CreateDestinationRequest
        {
            Name = name,
            ResourceSpecification = new DestinationResourceSpecification { Sqs = new SqsResource { Arn = queueArn } },
        }, cancellationToken).ConfigureAwait(false);
        return response?.Payload ?? throw NoPayload("createDestination");
    }

    /// <summary>Creates an EventBridge destination (a partner event source in <paramref name="accountId"/>, <paramref name="region"/>).</summary>
    public async Task<Destination> CreateEventBridgeDestinationAsync(string name, string region, string accountId, CancellationToken cancellationToken = default)
    {
        RequireName(name);
        if (string.IsNullOrWhiteSpace(region) || !Region().IsMatch(region))
            throw new ArgumentException("Expected an AWS region such as us-east-1.", nameof(region));
        if (string.IsNullOrWhiteSpace(accountId) || !Account().IsMatch(accountId))
            throw new ArgumentException("Expected a 12-digit AWS account id.", nameof(accountId));
        var response = await _client.CreateDestinationAsync(new CreateDestinationRequest
        {
            Name = name,
            ResourceSpecification = new DestinationResourceSpecification { EventBridge = new EventBridgeResourceSpecification { Region = region, AccountId = accountId } },
        }, cancellationToken).ConfigureAwait(false);
        return response?.Payload ?? throw NoPayload("createDestination");
    }

    /// <summary>
    /// Subscribes <paramref name="notificationType"/> (e.g. <c>ORDER_CHANGE</c>) to a destination, with the model's
    /// processing directive when given (an <see cref="EventFilter"/>: marketplaces, order change types,
    /// aggregation time period).
    /// </summary>
    public async Task<Subscription> SubscribeAsync(string notificationType, string destinationId, string payloadVersion = "1.0",
        ProcessingDirective? processingDirective = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(notificationType) || !NotificationType().IsMatch(notificationType))
            throw new ArgumentException("Expected a notification type such as ORDER_CHANGE (capital letters, digits, underscores).", nameof(notificationType));
        if (string.IsNullOrWhiteSpace(destinationId)) throw new ArgumentException("A destination id is required.", nameof(destinationId));
        if (string.IsNullOrWhiteSpace(payloadVersion)) throw new ArgumentException("A payload version is required.", nameof(payloadVersion));
        var response = await _client.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            DestinationId = destinationId,
            PayloadVersion = payloadVersion,
            ProcessingDirective = processingDirective,
        }, notificationType, cancellationToken).ConfigureAwait(false);
        return response?.Payload ?? throw NoPayload("createSubscription");
    }

    private static void RequireName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
            throw new ArgumentException("A destination name of 1 to 256 characters is required.", nameof(name));
    }

    private static InvalidOperationException NoPayload(string operation) =>
        new($"{operation} succeeded but returned no payload; nothing was created that can be used.");

    [GeneratedRegex(@"^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}(\.fifo)?$")] private static partial Regex SqsArn();
    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d$")] private static partial Regex Region();
    [GeneratedRegex(@"^\d{12}$")] private static partial Regex Account();
    [GeneratedRegex(@"^[A-Z0-9_]+$")] private static partial Regex NotificationType();
}
