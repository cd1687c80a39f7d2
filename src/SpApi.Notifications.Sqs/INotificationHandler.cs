namespace SpApi.Notifications.Sqs;

/// <summary>
/// Handles one notification. Returning normally means done: the message is deleted. Throwing leaves it on
/// the queue to be received again (until <see cref="SqsNotificationConsumerOptions.MaxReceiveCount"/>).
/// Handlers must be idempotent: SQS delivers at least once.
/// </summary>
public interface INotificationHandler
{
    /// <summary>Handles <paramref name="notification"/>; <paramref name="cancellationToken"/> is cancelled when the host's shutdown timeout ends.</summary>
    Task HandleAsync(SpApiNotification notification, CancellationToken cancellationToken);
}
