using System.Collections.Concurrent;
using System.Reflection;
using System.Threading.Channels;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace SpApi.Notifications.Tests;

/// <summary>
/// An in-memory <see cref="IAmazonSQS"/> for the calls the consumer makes (receive, delete, change visibility,
/// send); any other call fails the test. Receives wait, like long polling, until a batch is queued or the
/// call is cancelled. Records everything.
/// </summary>
public class StubSqs : DispatchProxy
{
    public Channel<List<Message>> Batches { get; } = Channel.CreateUnbounded<List<Message>>();
    public ConcurrentQueue<ReceiveMessageRequest> Receives { get; } = new();
    public ConcurrentQueue<DeleteMessageRequest> Deletes { get; } = new();
    public ConcurrentQueue<ChangeMessageVisibilityRequest> VisibilityChanges { get; } = new();
    public ConcurrentQueue<SendMessageRequest> Sent { get; } = new();

    /// <summary>Signalled on each visibility change (tests wait on it instead of sleeping).</summary>
    public SemaphoreSlim VisibilityChanged { get; } = new(0);

    public Func<ReceiveMessageRequest, Exception?>? FailReceive { get; set; }

    public static (IAmazonSQS Client, StubSqs Stub) Create()
    {
        var client = Create<IAmazonSQS, StubSqs>();
        return (client, (StubSqs)(object)client);
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        switch (method!.Name)
        {
            case nameof(IAmazonSQS.ReceiveMessageAsync) when args![0] is ReceiveMessageRequest r:
                return ReceiveAsync(r, (CancellationToken)args[1]!);
            case nameof(IAmazonSQS.DeleteMessageAsync) when args![0] is DeleteMessageRequest d:
                Deletes.Enqueue(d);
                return Task.FromResult(new DeleteMessageResponse());
            case nameof(IAmazonSQS.ChangeMessageVisibilityAsync) when args![0] is ChangeMessageVisibilityRequest c:
                VisibilityChanges.Enqueue(c);
                VisibilityChanged.Release();
                return Task.FromResult(new ChangeMessageVisibilityResponse());
            case nameof(IAmazonSQS.SendMessageAsync) when args![0] is SendMessageRequest s:
                Sent.Enqueue(s);
                return Task.FromResult(new SendMessageResponse { MessageId = "dlq-" + Sent.Count });
            case nameof(IDisposable.Dispose):
                return null;
            default:
                throw new NotSupportedException($"StubSqs does not implement {method.Name}");
        }
    }

    private async Task<ReceiveMessageResponse> ReceiveAsync(ReceiveMessageRequest request, CancellationToken cancellationToken)
    {
        Receives.Enqueue(request);
        if (FailReceive?.Invoke(request) is { } failure) throw failure;
        var batch = await Batches.Reader.ReadAsync(cancellationToken);
        return new ReceiveMessageResponse { Messages = batch };
    }

    public static Message Message(string id, string body, int receiveCount = 1) => new()
    {
        MessageId = id,
        ReceiptHandle = "rh-" + id,
        Body = body,
        Attributes = new Dictionary<string, string> { ["ApproximateReceiveCount"] = receiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
