namespace SpApi.Notifications.Sqs;

/// <summary>
/// Handles one notification. Returning normally means done: the message is deleted. Throwing leaves it on
/// the queue to be received again (until <see cref="SqsNotificationConsumerOptions.MaxReceiveCount"/>).
/// Handlers must be idempotent: SQS delivers at least once.
/// </summary>
public interface INotificationHandler
{
    Task HandleAsync(SpApiNotification notification, CancellationToken cancellationToken);
}
