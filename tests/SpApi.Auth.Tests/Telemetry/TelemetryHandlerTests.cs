using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Resilience;
using SpApi.Auth.Telemetry;
using SpApi.Auth.Tests.Resilience.Support;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Telemetry;

public class TelemetryHandlerTests
{
    private const string Secret = "Atza|SECRET-ACCESS-TOKEN";
    private static readonly OperationMetadata GetOrders = TestOperations.WithPlan(rate: 10, burst: 5, id: "getOrders");

    private TestClock _time = null!;
    private SpApiMetrics _metrics = null!;
    private TelemetryRecorder _recorder = null!;
    private ListLogger<TelemetryHandler> _log = null!;
    private string _seller = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new TestClock();
        _metrics = new SpApiMetrics();
        _recorder = new TelemetryRecorder(_metrics);
        _log = new ListLogger<TelemetryHandler>();
        _seller = "seller-" + Guid.NewGuid().ToString("N")[..8];
    }

    [TearDown]
    public void TearDown()
    {
        _recorder.Dispose();
        _metrics.Dispose();
    }

    /// <summary>The full per-call stack: Telemetry -> Retry -> RateLimit -> wire.</summary>
    private HttpMessageInvoker Client(Wire wire, TelemetryHandlerOptions? options = null, RateLimitHandlerOptions? limits = null) =>
        HandlerChain.Of(wire.Handler,
            new TelemetryHandler(options ?? new TelemetryHandlerOptions(), _metrics, _time, _log),
            new RetryHandler(new RetryHandlerOptions(), null, _time, null, () => 0),
            new RateLimitHandler(new SpApiRateLimiter(limits ?? new RateLimitHandlerOptions(), _time)));

    private HttpRequestMessage Request()
    {
        var request = TestOperations.Request(GetOrders, _seller);
        request.Headers.TryAddWithoutValidation("x-amz-access-token", Secret);
        return request;
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string requestId)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{\"secret\":\"" + Secret + "\"}") };
        response.Headers.Add("x-amzn-RequestId", requestId);
        if (status == HttpStatusCode.TooManyRequests) response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        return response;
    }

    private Activity OurSpan() => _recorder.Spans.Single(s => (string?)s.GetTagItem(SpApiTelemetry.Tags.Seller) == _seller);

    [Test]
    public async Task A_throttled_then_successful_call_is_one_span_one_log_event_and_one_set_of_measurements()
    {
        var wire = new Wire(_time, (n, _) => n == 1 ? Answer(HttpStatusCode.TooManyRequests, "req-1") : Answer(HttpStatusCode.OK, "req-2"));
        using var client = Client(wire);

        var response = await _time.RunAsync(client.SendAsync(Request(), CancellationToken.None));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var requests = _recorder.Of(SpApiTelemetry.RequestsInstrument).Single();
        Assert.That(requests.Value, Is.EqualTo(1));
        Assert.That(requests.Tags[SpApiTelemetry.Tags.Operation], Is.EqualTo("getOrders"));
        Assert.That(requests.Tags[SpApiTelemetry.Tags.Api], Is.EqualTo("Test.V0"));
        Assert.That(requests.Tags[SpApiTelemetry.Tags.StatusCode], Is.EqualTo(200));
        Assert.That(requests.Tags.ContainsKey(SpApiTelemetry.Tags.Seller), Is.False, "seller is off metrics by default");
        Assert.That(_recorder.Of(SpApiTelemetry.ThrottledInstrument).Single().Value, Is.EqualTo(1));
        Assert.That(_recorder.Of(SpApiTelemetry.RetriesInstrument).Single().Value, Is.EqualTo(1));
        Assert.That(_recorder.Of(SpApiTelemetry.DurationInstrument).Single().Value, Is.EqualTo(1.0), "Retry-After: 1 on the fake clock");
        Assert.That(_recorder.Of(SpApiTelemetry.LimiterWaitInstrument).Single().Value, Is.Zero);

        var span = OurSpan();
        Assert.That(span.DisplayName, Is.EqualTo("SpApi getOrders"));
        Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(span.GetTagItem(SpApiTelemetry.Tags.StatusCode), Is.EqualTo(200));
        Assert.That(span.GetTagItem(SpApiTelemetry.Tags.RequestId), Is.EqualTo("req-2"));
        Assert.That(span.GetTagItem(SpApiTelemetry.Tags.Retries), Is.EqualTo(1));
        Assert.That(span.GetTagItem(SpApiTelemetry.Tags.Throttled), Is.EqualTo(1));
        Assert.That(span.GetTagItem(SpApiTelemetry.Tags.ServerAddress), Is.EqualTo("sellingpartnerapi-na.amazon.com"));
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));

        var entry = _log.Entries.Single();
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Debug));
        Assert.That(entry.Text, Does.Contain("getOrders").And.Contain(_seller).And.Contain("returned 200").And.Contain("req-2")
            .And.Contain("attempts 2, retries 1, 429s 1"));
    }

    [Test]
    public async Task Limiter_wait_is_measured_on_the_call_that_waited()
    {
        var wire = new Wire(_time, (n, _) => Answer(HttpStatusCode.OK, $"req-{n}"));
        using var client = Client(wire, limits: new RateLimitHandlerOptions { RefillSafetyMargin = TimeSpan.Zero });
        var op = TestOperations.WithPlan(rate: 4, burst: 1, id: "paced");

        await client.SendAsync(TestOperations.Request(op, _seller), CancellationToken.None);
        var waiting = client.SendAsync(TestOperations.Request(op, _seller), CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(_recorder.Of(SpApiTelemetry.LimiterWaitInstrument).Select(m => m.Value), Is.EqualTo(new[] { 0, 0.25 }));
    }

    [Test]
    public async Task An_error_status_is_logged_at_the_failure_level_and_marks_the_span()
    {
        var wire = new Wire(_time, (n, _) => Answer(HttpStatusCode.BadRequest, "req-400"));
        using var client = Client(wire);

        await client.SendAsync(Request(), CancellationToken.None);

        Assert.That(_log.Entries.Single().Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(OurSpan().Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(_recorder.Of(SpApiTelemetry.RequestsInstrument).Single().Tags[SpApiTelemetry.Tags.StatusCode], Is.EqualTo(400));
    }

    [Test]
    public void A_call_that_throws_is_recorded_with_its_error_type()
    {
        var wire = new Wire(_time, (_, _) => throw new HttpRequestException("connection refused"));
        using var client = Client(wire, limits: new RateLimitHandlerOptions());
        var request = TestOperations.Request(TestOperations.WithPlan(rate: 10, burst: 5, method: "POST", id: "createThing"), _seller);

        Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request, CancellationToken.None));

        var requests = _recorder.Of(SpApiTelemetry.RequestsInstrument).Single();
        Assert.That(requests.Tags[SpApiTelemetry.Tags.ErrorType], Is.EqualTo("HttpRequestException"));
        Assert.That(requests.Tags.ContainsKey(SpApiTelemetry.Tags.StatusCode), Is.False);
        Assert.That(OurSpan().GetTagItem(SpApiTelemetry.Tags.ErrorType), Is.EqualTo("HttpRequestException"));
        var entry = _log.Entries.Single();
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(entry.Text, Does.Contain("createThing").And.Contain("failed").And.Contain("HttpRequestException"));
    }

    [Test]
    public async Task Seller_can_be_put_on_metrics_when_asked()
    {
        var wire = new Wire(_time, (n, _) => Answer(HttpStatusCode.OK, "req"));
        using var client = Client(wire, new TelemetryHandlerOptions { TagMetricsWithSeller = true });
        await client.SendAsync(Request(), CancellationToken.None);
        Assert.That(_recorder.Of(SpApiTelemetry.RequestsInstrument).Single().Tags[SpApiTelemetry.Tags.Seller], Is.EqualTo(_seller));
    }

    [Test]
    public async Task No_token_header_or_body_reaches_logs_spans_or_metrics()
    {
        var wire = new Wire(_time, (n, _) => n == 1 ? Answer(HttpStatusCode.TooManyRequests, "req-1") : Answer(HttpStatusCode.BadRequest, "req-2"));
        var logger = new ListLogger<RetryHandler>();
        var limiterLog = new ListLogger<RateLimitHandler>();
        using var client = HandlerChain.Of(wire.Handler,
            new TelemetryHandler(new TelemetryHandlerOptions(), _metrics, _time, _log),
            new RetryHandler(new RetryHandlerOptions(), null, _time, logger, () => 0),
            new RateLimitHandler(new SpApiRateLimiter(new RateLimitHandlerOptions(), _time), limiterLog));
        var request = Request();
        request.Options.Set(SpApiRequestOptions.RestrictedDataToken, "Atz.sprdt|SECRET-RDT");

        await _time.RunAsync(client.SendAsync(request, CancellationToken.None));

        var everything = string.Join("\n",
            _log.AllText, logger.AllText, limiterLog.AllText,
            string.Join("\n", OurSpan().TagObjects.Select(t => $"{t.Key}={t.Value}")),
            string.Join("\n", _recorder.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}"))));
        Assert.That(_log.AllText, Does.Contain("req-2"), "the log is not empty");
        Assert.That(logger.AllText, Does.Contain("retry 1 after 429"));
        Assert.That(everything, Does.Not.Contain("SECRET"));
    }

    [Test]
    public void The_exported_names_are_the_ones_to_subscribe_to()
    {
        Assert.That(SpApiTelemetry.MeterName, Is.EqualTo("SpApi"));
        Assert.That(SpApiTelemetry.ActivitySourceName, Is.EqualTo("SpApi"));
        Assert.That(_metrics.Meter.Name, Is.EqualTo(SpApiTelemetry.MeterName));
    }
}
