using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SpApi.Notifications.Sqs;

namespace SpApi.Notifications.Tests;

public class SqsNotificationConsumerTests
{
    private const string Queue = "https://sqs.us-east-1.amazonaws.com/123456789012/spapi";
    private const string DeadLetters = "https://sqs.us-east-1.amazonaws.com/123456789012/spapi-dlq";
    private const string OrderChange = """{"NotificationVersion":"1.0","NotificationType":"ORDER_CHANGE","PayloadVersion":"1.0","EventTime":"2026-01-01T00:00:00Z","Payload":{"OrderChangeNotification":{"SellerId":"S1"}}}""";

    /// <summary>Records notifications; can block until released and fail on demand.</summary>
    private sealed class Handler : INotificationHandler
    {
        public List<SpApiNotification> Handled { get; } = [];
        public TaskCompletionSource? Gate { get; set; }
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Exception? Failure { get; set; }

        public async Task HandleAsync(SpApiNotification notification, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            if (Gate is not null) await Gate.Task.WaitAsync(cancellationToken);
            if (Failure is not null) throw Failure;
            lock (Handled) Handled.Add(notification);
        }
    }

    private static (SqsNotificationConsumer Consumer, StubSqs Sqs, Handler Handler, FakeTimeProvider Time) Create(Action<SqsNotificationConsumerOptions>? configure = null)
    {
        var (client, stub) = StubSqs.Create();
        var options = new SqsNotificationConsumerOptions { QueueUrl = Queue, DeadLetterQueueUrl = DeadLetters, VisibilityTimeout = TimeSpan.FromSeconds(30), MaxReceiveCount = 3 };
        configure?.Invoke(options);
        var handler = new Handler();
        var time = new FakeTimeProvider();
        return (new SqsNotificationConsumer(client, handler, Options.Create(options), time), stub, handler, time);
    }

    [Test]
    public async Task Long_polls_and_deletes_only_after_the_handler_succeeded()
    {
        var (consumer, sqs, handler, _) = Create();
        var message = StubSqs.Message("m1", OrderChange);

        await consumer.ProcessAsync(message, CancellationToken.None);

        Assert.That(handler.Handled.Single().NotificationType, Is.EqualTo("ORDER_CHANGE"));
        Assert.That(handler.Handled.Single().IsKnownType, Is.True);
        Assert.That(sqs.Deletes.Single().ReceiptHandle, Is.EqualTo("rh-m1"));
        Assert.That(sqs.Deletes.Single().QueueUrl, Is.EqualTo(Queue));
    }

    [Test]
    public async Task A_failing_handler_leaves_the_message_on_the_queue()
    {
        var (consumer, sqs, handler, _) = Create();
        handler.Failure = new InvalidOperationException("database down");

        await consumer.ProcessAsync(StubSqs.Message("m1", OrderChange, receiveCount: 2), CancellationToken.None);

        Assert.That(sqs.Deletes, Is.Empty);
        Assert.That(sqs.Sent, Is.Empty);
    }

    [Test]
    public async Task A_message_received_more_than_the_limit_goes_to_the_dead_letter_queue_and_skips_the_handler()
    {
        var (consumer, sqs, handler, _) = Create();

        await consumer.ProcessAsync(StubSqs.Message("m1", OrderChange, receiveCount: 4), CancellationToken.None);

        Assert.That(handler.Entered.Task.IsCompleted, Is.False);
        var sent = sqs.Sent.Single();
        Assert.That(sent.QueueUrl, Is.EqualTo(DeadLetters));
        Assert.That(sent.MessageBody, Is.EqualTo(OrderChange));
        Assert.That(sent.MessageAttributes["SpApiDeadLetterReason"].StringValue, Does.Contain("4 times"));
        Assert.That(sqs.Deletes.Single().ReceiptHandle, Is.EqualTo("rh-m1"), "deleted from the source after the copy");
    }

    [Test]
    public async Task Without_a_dead_letter_queue_a_dead_message_is_left_for_the_redrive_policy()
    {
        var (consumer, sqs, _, _) = Create(o => o.DeadLetterQueueUrl = null);

        await consumer.ProcessAsync(StubSqs.Message("m1", OrderChange, receiveCount: 9), CancellationToken.None);

        Assert.That(sqs.Sent, Is.Empty);
        Assert.That(sqs.Deletes, Is.Empty);
    }

    [Test]
    public async Task A_body_that_is_no_notification_is_dead_lettered_at_once()
    {
        var (consumer, sqs, handler, _) = Create();

        await consumer.ProcessAsync(StubSqs.Message("m1", "hello"), CancellationToken.None);

        Assert.That(handler.Entered.Task.IsCompleted, Is.False);
        Assert.That(sqs.Sent.Single().MessageAttributes["SpApiDeadLetterReason"].StringValue, Does.Contain("not JSON"));
    }

    [Test]
    public async Task Visibility_is_extended_while_a_slow_handler_runs_and_stops_after()
    {
        var (consumer, sqs, handler, time) = Create();
        handler.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processing = consumer.ProcessAsync(StubSqs.Message("m1", OrderChange), CancellationToken.None);
        await handler.Entered.Task;

        // Clock-driven: step the fake clock until three renewals happened (the handler takes "minutes").
        await AdvanceUntil(time, () => sqs.VisibilityChanges.Count >= 3);
        Assert.That(time.GetUtcNow() - Start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(45)), "renewed every half timeout, not sooner");
        handler.Gate.SetResult();
        await processing;
        var renewals = sqs.VisibilityChanges.Count;
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.That(sqs.VisibilityChanges, Has.Count.EqualTo(renewals), "no renewal after the handler finished");
        Assert.That(sqs.VisibilityChanges.Select(c => c.VisibilityTimeout), Is.All.EqualTo(30));
        Assert.That(sqs.VisibilityChanges.Select(c => c.ReceiptHandle), Is.All.EqualTo("rh-m1"));
        Assert.That(sqs.Deletes, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_worker_long_polls_handles_a_batch_and_stops_gracefully()
    {
        var (consumer, sqs, handler, _) = Create();
        handler.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await sqs.Batches.Writer.WriteAsync([StubSqs.Message("m1", OrderChange), StubSqs.Message("m2", OrderChange)]);

        await consumer.StartAsync(CancellationToken.None);
        await handler.Entered.Task;
        // Stop while a handler is in flight: polling ends, the handler finishes, its message is deleted.
        var stopping = consumer.StopAsync(CancellationToken.None);
        handler.Gate.SetResult();
        await stopping;

        var receive = sqs.Receives.First();
        Assert.That(receive.WaitTimeSeconds, Is.EqualTo(20));
        Assert.That(receive.MaxNumberOfMessages, Is.EqualTo(10));
        Assert.That(receive.MessageSystemAttributeNames, Does.Contain("ApproximateReceiveCount"));
        Assert.That(handler.Handled, Has.Count.EqualTo(2));
        Assert.That(sqs.Deletes.Select(d => d.ReceiptHandle), Is.EquivalentTo(new[] { "rh-m1", "rh-m2" }));
        consumer.Dispose();
    }

    [Test]
    public async Task A_failed_receive_is_retried_after_the_delay_on_the_clock()
    {
        var (consumer, sqs, handler, time) = Create();
        var failures = 1;
        sqs.FailReceive = _ => failures-- > 0 ? new Amazon.SQS.AmazonSQSException("throttled") : null;

        await sqs.Batches.Writer.WriteAsync([StubSqs.Message("m1", OrderChange)]);
        await consumer.StartAsync(CancellationToken.None);
        await AdvanceUntil(time, () => sqs.Receives.Count >= 2);
        Assert.That(time.GetUtcNow() - Start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)), "the retry waited for the delay");
        await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await consumer.StopAsync(CancellationToken.None);

        Assert.That(sqs.Receives.Count, Is.GreaterThanOrEqualTo(2));
        consumer.Dispose();
    }

    private static readonly DateTimeOffset Start = new FakeTimeProvider().GetUtcNow();

    /// <summary>Moves the fake clock one second at a time until the condition holds (bounded; no real-time assertions).</summary>
    private static async Task AdvanceUntil(FakeTimeProvider time, Func<bool> condition)
    {
        for (var i = 0; i < 100_000 && !condition(); i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
            if (!condition()) await Task.Delay(1);
        }
        Assert.That(condition(), Is.True, "condition never held");
    }

    [TestCase("")]
    [TestCase("not a url")]
    public void Options_are_checked_at_start(string queueUrl)
    {
        var (client, _) = StubSqs.Create();
        var e = Assert.Throws<InvalidOperationException>(() => new SqsNotificationConsumer(client, new Handler(),
            Options.Create(new SqsNotificationConsumerOptions { QueueUrl = queueUrl })));
        Assert.That(e!.Message, Does.Contain("QueueUrl"));
    }

    [Test]
    public void Wait_time_beyond_long_polling_limits_is_refused()
    {
        var (client, _) = StubSqs.Create();
        Assert.Throws<InvalidOperationException>(() => new SqsNotificationConsumer(client, new Handler(),
            Options.Create(new SqsNotificationConsumerOptions { QueueUrl = Queue, WaitTimeSeconds = 21 })));
    }
}
