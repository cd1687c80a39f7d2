namespace SpApi.Notifications.Sqs;

/// <summary>Options of <see cref="SqsNotificationConsumer"/>; checked when the consumer starts.</summary>
public sealed class SqsNotificationConsumerOptions
{
    /// <summary>The queue SP-API delivers to (required).</summary>
    public string QueueUrl { get; set; } = "";

    /// <summary>Long-poll wait per receive, 1 to 20 seconds (SQS's maximum).</summary>
    public int WaitTimeSeconds { get; set; } = 20;

    /// <summary>Messages per receive, 1 to 10.</summary>
    public int MaxMessages { get; set; } = 10;

    /// <summary>How long a received message stays hidden; renewed while its handler runs. 10 s to 12 h.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A message received more often than this goes to the dead-letter path instead of the handler.</summary>
    public int MaxReceiveCount { get; set; } = 5;

    /// <summary>
    /// Where messages that keep failing (or are not notifications) are sent before being deleted. When null,
    /// they are left on the queue untouched, for the queue's own redrive policy to move.
    /// </summary>
    public string? DeadLetterQueueUrl { get; set; }

    /// <summary>Pause after a failed receive (network, throttling) before the next one.</summary>
    public TimeSpan ReceiveErrorDelay { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(QueueUrl) || !Uri.TryCreate(QueueUrl, UriKind.Absolute, out _))
            throw new InvalidOperationException($"{nameof(SqsNotificationConsumerOptions)}.{nameof(QueueUrl)} must be the queue's absolute URL.");
        if (WaitTimeSeconds is < 1 or > 20)
            throw new InvalidOperationException($"{nameof(WaitTimeSeconds)} must be 1 to 20 (long polling); was {WaitTimeSeconds}.");
        if (MaxMessages is < 1 or > 10)
            throw new InvalidOperationException($"{nameof(MaxMessages)} must be 1 to 10; was {MaxMessages}.");
        if (VisibilityTimeout < TimeSpan.FromSeconds(10) || VisibilityTimeout > TimeSpan.FromHours(12))
            throw new InvalidOperationException($"{nameof(VisibilityTimeout)} must be 10 s to 12 h; was {VisibilityTimeout}.");
        if (MaxReceiveCount < 1)
            throw new InvalidOperationException($"{nameof(MaxReceiveCount)} must be at least 1; was {MaxReceiveCount}.");
        if (DeadLetterQueueUrl is not null && !Uri.TryCreate(DeadLetterQueueUrl, UriKind.Absolute, out _))
            throw new InvalidOperationException($"{nameof(DeadLetterQueueUrl)} must be an absolute URL when set.");
        if (ReceiveErrorDelay < TimeSpan.Zero)
            throw new InvalidOperationException($"{nameof(ReceiveErrorDelay)} must not be negative.");
    }
}
