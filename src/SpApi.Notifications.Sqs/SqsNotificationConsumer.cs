using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SpApi.Notifications.Sqs;

/// <summary>
/// Receives SP-API notifications from SQS and hands each to an <see cref="INotificationHandler"/>:
/// long polling; a batch handled concurrently; each message's visibility renewed while its handler runs;
/// deleted only after the handler returned; a message received more than
/// <see cref="SqsNotificationConsumerOptions.MaxReceiveCount"/> times, or that is not a notification, goes to
/// the dead-letter path. Stopping ends the polling at once and lets handlers in flight finish (until the
/// host's shutdown timeout cancels them; their messages then simply come back).
/// </summary>
public sealed class SqsNotificationConsumer : BackgroundService
{
    internal const string ReceiveCountAttribute = "ApproximateReceiveCount";

    private readonly IAmazonSQS _sqs;
    private readonly INotificationHandler _handler;
    private readonly NotificationReader _reader;
    private readonly SqsNotificationConsumerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abortHandlers = new();

    /// <summary>
    /// A consumer of <see cref="SqsNotificationConsumerOptions.QueueUrl"/> through <paramref name="sqs"/>, handing each
    /// notification (read by <paramref name="reader"/>, default <see cref="NotificationReader.Default"/>) to <paramref name="handler"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">An option is missing or out of range (named in the message).</exception>
    public SqsNotificationConsumer(IAmazonSQS sqs, INotificationHandler handler, IOptions<SqsNotificationConsumerOptions> options,
        TimeProvider? timeProvider = null, NotificationReader? reader = null, ILogger<SqsNotificationConsumer>? logger = null)
    {
        _sqs = sqs ?? throw new ArgumentNullException(nameof(sqs));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _reader = reader ?? NotificationReader.Default;
        _logger = logger ?? NullLogger<SqsNotificationConsumer>.Instance;
    }

    /// <summary>Stops receiving at once; handlers in flight finish, or are cancelled when <paramref name="cancellationToken"/> (the host's shutdown timeout) fires.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown timeout is the only thing that aborts handlers in flight.
        await using var abort = cancellationToken.Register(() => _abortHandlers.Cancel());
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the handlers' cancellation source.</summary>
    public override void Dispose()
    {
        _abortHandlers.Dispose();
        base.Dispose();
    }

    /// <summary>The receive loop: long-polls, handles each batch concurrently, until <paramref name="stoppingToken"/> is cancelled.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var request = new ReceiveMessageRequest
        {
            QueueUrl = _options.QueueUrl,
            WaitTimeSeconds = _options.WaitTimeSeconds,
            MaxNumberOfMessages = _options.MaxMessages,
            VisibilityTimeout = (int)_options.VisibilityTimeout.TotalSeconds,
            MessageSystemAttributeNames = [ReceiveCountAttribute],
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            List<Message> messages;
            try
            {
                var response = await _sqs.ReceiveMessageAsync(request, stoppingToken).ConfigureAwait(false);
                messages = response?.Messages ?? [];
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Receiving from the notification queue failed; retrying in {Delay}.", _options.ReceiveErrorDelay);
                try { await Task.Delay(_options.ReceiveErrorDelay, _time, stoppingToken).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
                continue;
            }
            await Task.WhenAll(messages.Select(m => ProcessAsync(m, _abortHandlers.Token))).ConfigureAwait(false);
        }
    }

    /// <summary>One message: dead-letter, or handle while keeping it hidden, then delete. Never throws.</summary>
    internal async Task ProcessAsync(Message message, CancellationToken cancellationToken)
    {
        try
        {
            var receives = ReceiveCount(message);
            if (receives > _options.MaxReceiveCount)
            {
                await DeadLetterAsync(message, $"received {receives} times, more than {_options.MaxReceiveCount}", cancellationToken).ConfigureAwait(false);
                return;
            }

            SpApiNotification notification;
            try { notification = _reader.ReadSqsBody(message.Body ?? ""); }
            catch (NotificationFormatException e)
            {
                // Retrying cannot make it a notification.
                await DeadLetterAsync(message, e.Message, cancellationToken).ConfigureAwait(false);
                return;
            }

            using var handling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var keepHidden = KeepHiddenAsync(message, handling.Token);
            try
            {
                await _handler.HandleAsync(notification, handling.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Handler failed for notification {Type} (message {MessageId}, receive {Receives}); it will be received again.",
                    notification.NotificationType, message.MessageId, receives);
                return;
            }
            finally
            {
                handling.Cancel();
                await keepHidden.ConfigureAwait(false);
            }
            await _sqs.DeleteMessageAsync(new DeleteMessageRequest(_options.QueueUrl, message.ReceiptHandle), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A failed delete or dead-letter send leaves the message for a later receive: nothing is lost.
            _logger.LogError(e, "Processing message {MessageId} failed; it stays on the queue.", message.MessageId);
        }
    }

    /// <summary>Renews the message's visibility at half the timeout until the handler is done.</summary>
    private async Task KeepHiddenAsync(Message message, CancellationToken done)
    {
        var every = _options.VisibilityTimeout / 2;
        while (true)
        {
            try { await Task.Delay(every, _time, done).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            try
            {
                await _sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest(_options.QueueUrl, message.ReceiptHandle,
                    (int)_options.VisibilityTimeout.TotalSeconds), done).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Extending the visibility of message {MessageId} failed.", message.MessageId);
            }
        }
    }

    private async Task DeadLetterAsync(Message message, string reason, CancellationToken cancellationToken)
    {
        if (_options.DeadLetterQueueUrl is null)
        {
            _logger.LogError("Message {MessageId} is dead ({Reason}); left for the queue's redrive policy.", message.MessageId, reason);
            return;
        }
        await _sqs.SendMessageAsync(new SendMessageRequest(_options.DeadLetterQueueUrl, message.Body ?? "")
        {
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["SpApiDeadLetterReason"] = new() { DataType = "String", StringValue = reason },
                ["SpApiSourceMessageId"] = new() { DataType = "String", StringValue = message.MessageId ?? "" },
            },
        }, cancellationToken).ConfigureAwait(false);
        // Deleted only once the copy is safely on the dead-letter queue.
        await _sqs.DeleteMessageAsync(new DeleteMessageRequest(_options.QueueUrl, message.ReceiptHandle), CancellationToken.None).ConfigureAwait(false);
        _logger.LogError("Message {MessageId} moved to the dead-letter queue: {Reason}.", message.MessageId, reason);
    }

    private static int ReceiveCount(Message message) =>
        message.Attributes is { } a && a.TryGetValue(ReceiveCountAttribute, out var s)
            && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
}
