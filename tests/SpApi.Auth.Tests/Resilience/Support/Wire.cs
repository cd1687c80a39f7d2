using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Resilience.Support;

/// <summary>One request as the fake server saw it.</summary>
internal sealed record Arrival(DateTimeOffset At, string? Seller, string? Operation, string? Body, HttpRequestMessage Request);

/// <summary>
/// A MockHttp server that records every request with the fake time it arrived and answers from a script
/// (one response factory per arrival, the last one repeated). <see cref="WaitForAsync"/> lets a test wait for
/// work that continues on the thread pool; its real-time limit only turns a hang into a failure.
/// </summary>
internal sealed class Wire
{
    private readonly ConcurrentQueue<Arrival> _arrivals = new();
    private readonly FakeTimeProvider _time;
    private readonly Func<int, HttpRequestMessage, HttpResponseMessage> _respond;
    private readonly SemaphoreSlim _arrived = new(0);

    public Wire(FakeTimeProvider time, Func<int, HttpRequestMessage, HttpResponseMessage> respond)
    {
        _time = time;
        _respond = respond;
        Mock = new MockHttpMessageHandler();
        Mock.When("*").Respond(request =>
        {
            var body = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
            _arrivals.Enqueue(new Arrival(_time.GetUtcNow(), request.GetSeller(), request.GetOperation()?.OperationId, body, request));
            var response = _respond(_arrivals.Count, request);
            _arrived.Release();
            return response;
        });
    }

    /// <summary>Answers every request with <paramref name="status"/>.</summary>
    public Wire(FakeTimeProvider time, HttpStatusCode status) : this(time, (_, _) => new HttpResponseMessage(status)) { }

    public MockHttpMessageHandler Mock { get; }

    /// <summary>
    /// The handler to put at the end of a pipeline: MockHttp completes its task on the thread pool, which would
    /// let a test advance fake time before the code under test armed its next timer. This adapter waits for
    /// MockHttp's answer, so a pipeline runs synchronously up to its next real wait (a delay or a queue).
    /// </summary>
    public HttpMessageHandler Handler => _handler ??= new SynchronousTerminal(Mock);

    private HttpMessageHandler? _handler;

    public IReadOnlyList<Arrival> Arrivals => _arrivals.ToArray();

    public int Count => _arrivals.Count;

    public async Task WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left)) Assert.Fail($"Expected {count} requests on the wire, saw {Count}.");
        }
    }

    public static HttpResponseMessage Status(HttpStatusCode status, string? body = null) =>
        new(status) { Content = body is null ? null : new StringContent(body) };
}

/// <summary>Runs an inner handler to completion before returning (see <see cref="Wire.Handler"/>).</summary>
internal sealed class SynchronousTerminal(HttpMessageHandler inner) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _inner = new(inner);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(_inner.SendAsync(request, cancellationToken).GetAwaiter().GetResult());
        }
        catch (Exception e)
        {
            return Task.FromException<HttpResponseMessage>(e);
        }
    }
}
