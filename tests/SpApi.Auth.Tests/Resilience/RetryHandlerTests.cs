using System.Net;
using System.Net.Http.Headers;
using SpApi.Auth.Resilience;
using SpApi.Auth.Telemetry;
using SpApi.Auth.Tests.Resilience.Support;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Resilience;

public class RetryHandlerTests
{
    private TestClock _time = null!;
    private ListLogger<RetryHandler> _log = null!;
    private DateTimeOffset _start;

    [SetUp]
    public void SetUp()
    {
        _time = new TestClock();
        _start = _time.GetUtcNow();
        _log = new ListLogger<RetryHandler>();
    }

    private HttpMessageInvoker Client(Wire wire, Action<RetryHandlerOptions>? configure = null, double random = 0, RetryBudget? budget = null)
    {
        var options = new RetryHandlerOptions();
        configure?.Invoke(options);
        return HandlerChain.Of(wire.Handler, new RetryHandler(options, budget, _time, _log, () => random));
    }

    private void Advance(int milliseconds) => _time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    private static double[] Offsets(Wire wire) =>
        wire.Arrivals.Select(a => (a.At - wire.Arrivals[0].At).TotalMilliseconds).ToArray();

    private static HttpResponseMessage Throttled(TimeSpan? retryAfter = null, DateTimeOffset? retryAt = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfter is not null) response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter.Value);
        if (retryAt is not null) response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAt.Value);
        return response;
    }

    /// <summary>The script: the n-th arrival gets <paramref name="statuses"/>[n-1], the last one repeating.</summary>
    private Wire Script(params HttpStatusCode[] statuses) =>
        new(_time, (n, _) => new HttpResponseMessage(statuses[Math.Min(n, statuses.Length) - 1]));

    [Test]
    public async Task A_429_is_retried_exactly_when_Retry_After_seconds_say()
    {
        var wire = new Wire(_time, (n, _) => n == 1 ? Throttled(retryAfter: TimeSpan.FromSeconds(3)) : new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(wire);
        var request = TestOperations.Request(TestOperations.GetOrders);

        var call = client.SendAsync(request, CancellationToken.None);
        Advance(2999);
        Assert.That(wire.Count, Is.EqualTo(1));
        Advance(1);
        var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Offsets(wire), Is.EqualTo(new double[] { 0, 3000 }));
        var state = request.Options.TryGetValue(SpApiCallState.Key, out var s) ? s : null;
        Assert.That(state!.Retries, Is.EqualTo(1));
        Assert.That(state.LastRetryReason, Is.EqualTo("429"));
        Assert.That(_log.AllText, Does.Contain("retry 1 after 429 in 3000 ms"));
    }

    [Test]
    public async Task A_429_is_retried_at_the_Retry_After_date()
    {
        var wire = new Wire(_time, (n, _) => n == 1 ? Throttled(retryAt: _start.AddSeconds(7)) : new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(wire);

        var call = client.SendAsync(TestOperations.Request(TestOperations.GetOrders), CancellationToken.None);
        Advance(6999);
        Assert.That(wire.Count, Is.EqualTo(1));
        Advance(1);
        await call;
        Assert.That(Offsets(wire), Is.EqualTo(new double[] { 0, 7000 }));
    }

    [TestCase(0.0, new double[] { 0, 2000, 6000 })]
    [TestCase(1.0, new double[] { 0, 2500, 7500 })]
    public async Task A_429_without_Retry_After_waits_the_bucket_refill_time_with_exponential_backoff_and_jitter(double random, double[] expected)
    {
        var wire = Script(HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
        using var client = Client(wire, o => o.JitterFactor = 0.25, random);
        var request = TestOperations.Request(TestOperations.GetOrders);
        // What the rate-limit handler reports for a 0.5/s bucket.
        SpApiCallState.GetOrCreate(request).RefillInterval = TimeSpan.FromSeconds(2);

        var call = client.SendAsync(request, CancellationToken.None);
        var response = await _time.RunAsync(call);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Offsets(wire), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_429_without_any_rate_information_backs_off_from_BaseDelay()
    {
        var wire = Script(HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
        using var client = Client(wire, o => o.BaseDelay = TimeSpan.FromMilliseconds(500));
        await _time.RunAsync(client.SendAsync(TestOperations.Request(TestOperations.GetOrders), CancellationToken.None));
        Assert.That(Offsets(wire), Is.EqualTo(new double[] { 0, 500, 1500 }));
    }

    [Test]
    public async Task After_the_last_attempt_the_final_429_is_returned_and_discarded_responses_are_disposed()
    {
        var bodies = new List<TrackedContent>();
        var wire = new Wire(_time, (_, _) =>
        {
            var body = new TrackedContent();
            bodies.Add(body);
            return new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = body };
        });
        using var client = Client(wire, o => o.MaxRetryAttempts = 2);

        var call = client.SendAsync(TestOperations.Request(TestOperations.GetOrders), CancellationToken.None);
        var response = await _time.RunAsync(call);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(wire.Count, Is.EqualTo(3));
        Assert.That(bodies.Select(b => b.Disposed), Is.EqualTo(new[] { true, true, false }));
        Assert.That(response.Content, Is.SameAs(bodies[2]));
    }

    [Test]
    public async Task No_retry_is_scheduled_past_MaxTotalTime()
    {
        var wire = new Wire(_time, (_, _) => Throttled(retryAfter: TimeSpan.FromMinutes(10)));
        using var client = Client(wire, o => o.MaxTotalTime = TimeSpan.FromMinutes(2));
        var response = await client.SendAsync(TestOperations.Request(TestOperations.GetOrders), CancellationToken.None);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(wire.Count, Is.EqualTo(1));
        Assert.That(_log.AllText, Does.Contain("MaxTotalTime"));
    }

    [Test]
    public async Task A_non_idempotent_POST_is_not_replayed_after_a_503()
    {
        var wire = Script(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted);
        using var client = Client(wire);
        var response = await client.SendAsync(TestOperations.Request(TestOperations.CreateReport, content: new StringContent("{}")), CancellationToken.None);
        Advance(60_000);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(wire.Count, Is.EqualTo(1));
        Assert.That(_log.AllText, Does.Contain("createReport is not idempotent"));
    }

    [Test]
    public void A_non_idempotent_POST_is_not_replayed_after_a_transport_error()
    {
        var wire = new Wire(_time, (_, _) => throw new HttpRequestException("connection reset"));
        using var client = Client(wire);
        Assert.ThrowsAsync<HttpRequestException>(() =>
            client.SendAsync(TestOperations.Request(TestOperations.CreateReport, content: new StringContent("{}")), CancellationToken.None));
        Assert.That(wire.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task A_non_idempotent_POST_is_still_retried_after_a_429_because_Amazon_did_not_process_it()
    {
        var wire = Script(HttpStatusCode.TooManyRequests, HttpStatusCode.Accepted);
        using var client = Client(wire);
        var call = client.SendAsync(TestOperations.Request(TestOperations.CreateReport, content: new StringContent("{\"reportType\":\"X\"}")), CancellationToken.None);
        var response = await _time.RunAsync(call);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(wire.Arrivals.Select(a => a.Body), Is.All.EqualTo("{\"reportType\":\"X\"}"));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [TestCase(HttpStatusCode.RequestTimeout)]
    public async Task An_idempotent_GET_is_retried_after_a_transient_status(HttpStatusCode status)
    {
        var wire = Script(status, HttpStatusCode.OK);
        using var client = Client(wire);
        var call = client.SendAsync(TestOperations.Request(TestOperations.GetOrders), CancellationToken.None);
        var response = await _time.RunAsync(call);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Offsets(wire), Is.EqualTo(new double[] { 0, 500 }));
    }

    [Test]
    public async Task An_idempotent_GET_is_retried_after_a_transport_error()
    {
        var wire = new Wire(_time, (n, _) => n == 1 ? throw new HttpRequestException("connection refused") : new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(wire);
        var call = client.SendAsync(TestOperations.Request(TestOperations.GetOrders), CancellationToken.None);
        var response = await _time.RunAsync(call);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(wire.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task A_read_only_POST_is_replayed_after_a_503_with_the_same_body_even_from_a_one_shot_stream()
    {
        var wire = Script(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = Client(wire);
        var body = new StreamContent(new OneShotStream("{\"requests\":[1,2,3]}"u8.ToArray()));
        var call = client.SendAsync(TestOperations.Request(TestOperations.GetItemOffersBatch, content: body), CancellationToken.None);
        var response = await _time.RunAsync(call);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(wire.Arrivals.Select(a => a.Body), Is.EqualTo(new[] { "{\"requests\":[1,2,3]}", "{\"requests\":[1,2,3]}" }));
    }

    [Test]
    public async Task Other_errors_are_returned_at_once()
    {
        var wire = Script(HttpStatusCode.BadRequest);
        using var client = Client(wire);
        var response = await client.SendAsync(TestOperations.Request(TestOperations.GetOrders), CancellationToken.None);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(wire.Count, Is.EqualTo(1));
    }

    [Test]
    public void Cancelling_during_the_backoff_stops_the_call()
    {
        var wire = Script(HttpStatusCode.TooManyRequests);
        using var client = Client(wire);
        using var cts = new CancellationTokenSource();
        var call = client.SendAsync(TestOperations.Request(TestOperations.GetOrders), cts.Token);
        cts.Cancel();
        Assert.CatchAsync<OperationCanceledException>(async () => await call);
        Advance(60_000);
        Assert.That(wire.Count, Is.EqualTo(1));
    }

    [TestCase(0.1, 22, Description = "budget: 10% of 20 calls = 2 retries")]
    [TestCase(10.0, 80, Description = "no effective budget: every call makes 1 + 3 attempts")]
    public async Task The_retry_budget_stops_a_429_storm_from_multiplying_traffic(double ratio, int expectedOnWire)
    {
        var wire = Script(HttpStatusCode.TooManyRequests);
        using var client = Client(wire, o =>
        {
            o.MaxRetryAttempts = 3;
            o.BudgetRatio = ratio;
            o.BudgetMinRetriesPerSecond = 0;
            o.BudgetWindow = TimeSpan.FromMinutes(10);
        });

        for (var i = 0; i < 20; i++)
        {
            var response = await _time.RunAsync(client.SendAsync(TestOperations.Request(TestOperations.GetOrders, "storm"), CancellationToken.None));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        }

        Assert.That(wire.Count, Is.EqualTo(expectedOnWire));
        if (ratio < 1) Assert.That(_log.AllText, Does.Contain("retry budget exhausted"));
    }

    [Test]
    public async Task The_retry_budget_is_kept_per_seller()
    {
        var budget = new RetryBudget(new RetryHandlerOptions
        {
            BudgetRatio = 0,
            BudgetMinRetriesPerSecond = 0.1,
            BudgetWindow = TimeSpan.FromSeconds(10),
        }, _time);
        var wire = Script(HttpStatusCode.TooManyRequests);
        using var client = Client(wire, budget: budget);

        foreach (var seller in new[] { "a", "a", "b" })
        {
            await _time.RunAsync(client.SendAsync(TestOperations.Request(TestOperations.GetOrders, seller), CancellationToken.None));
        }

        Assert.That(wire.Arrivals.Select(a => a.Seller), Is.EqualTo(new[] { "a", "a", "a", "b", "b" }),
            "a spent its one retry on the first call; b still had its own");
        Assert.That(budget.Current("a"), Is.EqualTo((2, 1)));
    }

    [Test]
    public async Task A_timed_out_attempt_of_an_idempotent_operation_is_retried()
    {
        var attempts = 0;
        var terminal = new DelegateHandler(async (_, ct) =>
        {
            if (Interlocked.Increment(ref attempts) == 1) await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var options = new RetryHandlerOptions { AttemptTimeout = TimeSpan.FromSeconds(5) };
        using var client = HandlerChain.Of(terminal, new RetryHandler(options, null, _time, _log, () => 0));

        var call = client.SendAsync(TestOperations.Request(TestOperations.GetOrders), CancellationToken.None);
        Advance(5000);
        // The timeout's cancellation completes the first attempt on the thread pool; wait for the retry to be armed.
        await Eventually.UntilAsync(() => _log.AllText.Contains("after attempt timeout"), TimeSpan.FromSeconds(10));
        Advance(500);
        Assert.That((await call).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public void Invalid_options_are_rejected_with_every_problem_named()
    {
        var options = new RetryHandlerOptions { MaxRetryAttempts = -1, JitterFactor = 3, BudgetRatio = -1 };
        options.TransientStatusCodes.Add(429);
        var error = Assert.Throws<ArgumentException>(() => new RetryHandler(options, timeProvider: _time));
        Assert.That(error!.Message, Does.Contain("MaxRetryAttempts").And.Contain("JitterFactor").And.Contain("BudgetRatio").And.Contain("429"));
    }
}
