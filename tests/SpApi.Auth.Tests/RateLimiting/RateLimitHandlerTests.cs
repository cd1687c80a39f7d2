using System.Net;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Tests.Resilience.Support;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.RateLimiting;

public class RateLimitHandlerTests
{
    private TestClock _time = null!;

    [SetUp]
    public void SetUp() => _time = new TestClock();

    private SpApiRateLimiter Limiter(Action<RateLimitHandlerOptions>? configure = null)
    {
        var options = new RateLimitHandlerOptions { RefillSafetyMargin = TimeSpan.Zero };
        configure?.Invoke(options);
        return new SpApiRateLimiter(options, _time);
    }

    private static HttpMessageInvoker Client(SpApiRateLimiter limiter, Wire wire) =>
        HandlerChain.Of(wire.Handler, new RateLimitHandler(limiter));

    private static (long Available, long Queued) Bucket(SpApiRateLimiter limiter, OperationMetadata op, string? seller = null,
        string endpoint = TestOperations.Endpoint) =>
        limiter.Find(new BucketKey(seller ?? "", endpoint, op.Key))!.Snapshot();

    /// <summary>Answers 200 with <c>x-amzn-RateLimit-Limit: value</c> (for the requests <paramref name="when"/> selects).</summary>
    private Wire RateHeaderWire(string value, Func<HttpRequestMessage, bool>? when = null) => new(_time, (_, request) =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        if (when?.Invoke(request) ?? true) response.Headers.TryAddWithoutValidation("x-amzn-RateLimit-Limit", value);
        return response;
    });

    private void Advance(int milliseconds) => _time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    [Test]
    public async Task Paces_requests_to_the_documented_plan_burst_first_then_one_per_interval()
    {
        var op = TestOperations.WithPlan(rate: 2, burst: 3);
        using var limiter = Limiter();
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);

        var calls = Enumerable.Range(0, 7).Select(_ => client.SendAsync(TestOperations.Request(op), CancellationToken.None)).ToArray();
        await wire.WaitForAsync(3);
        Assert.That(Bucket(limiter, op).Queued, Is.EqualTo(4), "the burst of 3 goes at once, the other 4 queue");

        Advance(499);
        Assert.That(Bucket(limiter, op).Queued, Is.EqualTo(4), "no token before 1/rate = 500 ms");
        Advance(1);
        await wire.WaitForAsync(4);
        for (var sent = 5; sent <= 7; sent++)
        {
            Advance(500);
            await wire.WaitForAsync(sent);
        }

        var offsets = wire.Arrivals.Select(a => (a.At - wire.Arrivals[0].At).TotalMilliseconds).ToArray();
        Assert.That(offsets, Is.EqualTo(new double[] { 0, 0, 0, 500, 1000, 1500, 2000 }));
        Assert.That((await Task.WhenAll(calls)).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(wire.Count, Is.EqualTo(7));
    }

    [Test]
    public async Task A_bucket_refills_to_its_burst_and_no_further()
    {
        var op = TestOperations.WithPlan(rate: 1, burst: 2);
        using var limiter = Limiter();
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);
        await client.SendAsync(TestOperations.Request(op), CancellationToken.None);

        Advance(60_000);
        Assert.That(Bucket(limiter, op).Available, Is.EqualTo(2));
        var calls = Enumerable.Range(0, 4).Select(_ => client.SendAsync(TestOperations.Request(op), CancellationToken.None)).ToArray();
        await wire.WaitForAsync(3);
        Assert.That(Bucket(limiter, op).Queued, Is.EqualTo(2), "an idle minute still gives only the burst of 2");
        Advance(2000);
        await Task.WhenAll(calls);
        Assert.That(wire.Count, Is.EqualTo(5));
    }

    [Test]
    public async Task Operations_without_a_documented_plan_use_the_configured_default()
    {
        var op = TestOperations.WithPlan(rate: null);
        using var limiter = Limiter(o => o.DefaultPlan = new UsagePlan(0.25, 1));
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);

        var first = client.SendAsync(TestOperations.Request(op), CancellationToken.None);
        var second = client.SendAsync(TestOperations.Request(op), CancellationToken.None);
        await wire.WaitForAsync(1);
        Advance(3999);
        Assert.That(Bucket(limiter, op).Queued, Is.EqualTo(1));
        Advance(1);
        await Task.WhenAll(first, second);
        Assert.That(wire.Arrivals[1].At - wire.Arrivals[0].At, Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public void Plan_overrides_replace_the_documented_plan_by_key_or_operation_id()
    {
        var options = new RateLimitHandlerOptions();
        options.PlanOverrides["getOrders"] = new UsagePlan(5, 50);
        Assert.That(options.PlanFor(TestOperations.GetOrders), Is.EqualTo(new UsagePlan(5, 50)));
        options.PlanOverrides["ordersV0.json#getOrders"] = new UsagePlan(7, 70);
        Assert.That(options.PlanFor(TestOperations.GetOrders), Is.EqualTo(new UsagePlan(7, 70)), "the exact key wins");
        Assert.That(options.PlanFor(TestOperations.CreateReport), Is.EqualTo(new UsagePlan(0.0167, 15)));
    }

    [Test]
    public async Task Adopts_the_rate_from_x_amzn_RateLimit_Limit_for_that_seller_and_operation_only()
    {
        var op = TestOperations.WithPlan(rate: 1, burst: 1);
        using var limiter = Limiter();
        var wire = RateHeaderWire("10.0", request => request.GetSeller() == "raised");
        using var client = Client(limiter, wire);
        var endpoint = new Uri(TestOperations.Endpoint);

        await client.SendAsync(TestOperations.Request(op, "raised"), CancellationToken.None);
        await client.SendAsync(TestOperations.Request(op, "plain"), CancellationToken.None);
        Assert.That(limiter.CurrentRate("raised", endpoint, op), Is.EqualTo(10.0));
        Assert.That(limiter.CurrentRate("plain", endpoint, op), Is.EqualTo(1.0), "another seller keeps the documented plan");

        var next = client.SendAsync(TestOperations.Request(op, "raised"), CancellationToken.None);
        Advance(99);
        Assert.That(Bucket(limiter, op, "raised").Queued, Is.EqualTo(1));
        Advance(1);
        await next;
        Assert.That(wire.Arrivals[2].At - wire.Arrivals[0].At, Is.EqualTo(TimeSpan.FromMilliseconds(100)), "refill at 10/s, not 1/s");
    }

    [TestCase("abc")]
    [TestCase("-3")]
    [TestCase("0")]
    [TestCase("NaN")]
    public async Task Ignores_an_unusable_rate_header(string header)
    {
        var op = TestOperations.WithPlan(rate: 1, burst: 1);
        using var limiter = Limiter();
        var wire = RateHeaderWire(header);
        using var client = Client(limiter, wire);
        await client.SendAsync(TestOperations.Request(op), CancellationToken.None);
        Assert.That(limiter.CurrentRate(null, new Uri(TestOperations.Endpoint), op), Is.EqualTo(1.0));
    }

    [Test]
    public async Task Header_adoption_can_be_turned_off()
    {
        var op = TestOperations.WithPlan(rate: 1, burst: 1);
        using var limiter = Limiter(o => o.AdoptRateLimitHeader = false);
        var wire = RateHeaderWire("10");
        using var client = Client(limiter, wire);
        await client.SendAsync(TestOperations.Request(op), CancellationToken.None);
        Assert.That(limiter.CurrentRate(null, new Uri(TestOperations.Endpoint), op), Is.EqualTo(1.0));
    }

    [Test]
    public async Task A_caller_cancelled_while_queued_gets_its_own_cancellation_and_never_reaches_the_wire()
    {
        var op = TestOperations.WithPlan(rate: 1, burst: 1);
        using var limiter = Limiter();
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);
        using var cts = new CancellationTokenSource();

        var first = client.SendAsync(TestOperations.Request(op, "s"), CancellationToken.None);
        var cancelled = client.SendAsync(TestOperations.Request(op, "s", new StringContent("cancelled")), cts.Token);
        var third = client.SendAsync(TestOperations.Request(op, "s", new StringContent("third")), CancellationToken.None);
        await first;
        Assert.That(Bucket(limiter, op, "s").Queued, Is.EqualTo(2));

        cts.Cancel();
        var error = Assert.ThrowsAsync<OperationCanceledException>(async () => await cancelled);
        Assert.That(error!.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(Bucket(limiter, op, "s").Queued, Is.EqualTo(1));

        Advance(1000);
        await third;
        Assert.That(wire.Arrivals.Select(a => a.Body), Is.EqualTo(new string?[] { null, "third" }),
            "the cancelled call used no token: the next caller got the 1 s refill");
    }

    [Test]
    public async Task A_full_queue_refuses_the_call_with_a_typed_error_naming_operation_and_seller_but_no_secret()
    {
        var op = TestOperations.GetOrders;
        using var limiter = Limiter(o => o.QueueLimit = 1);
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);

        // The burst of getOrders is 20.
        for (var i = 0; i < 20; i++) await client.SendAsync(TestOperations.Request(op, "acme-eu"), CancellationToken.None);
        var queued = client.SendAsync(TestOperations.Request(op, "acme-eu"), CancellationToken.None);
        var request = TestOperations.Request(op, "acme-eu");
        request.Options.Set(SpApiRequestOptions.RestrictedDataToken, "Atz.sprdt|SECRET-RDT");
        request.Headers.Add("x-amz-access-token", "Atza|SECRET-ACCESS");

        var error = Assert.ThrowsAsync<RateLimitExceededException>(() => client.SendAsync(request, CancellationToken.None));
        Assert.That(error!.Reason, Is.EqualTo(RateLimitRejection.QueueFull));
        Assert.That(error.OperationId, Is.EqualTo("getOrders"));
        Assert.That(error.OperationKey, Is.EqualTo("ordersV0.json#getOrders"));
        Assert.That(error.Seller, Is.EqualTo("acme-eu"));
        Assert.That(error.Endpoint, Is.EqualTo(TestOperations.Endpoint));
        Assert.That(error.Plan, Is.EqualTo(new UsagePlan(0.0167, 20)));
        Assert.That(error.QueueLimit, Is.EqualTo(1));
        Assert.That(error.Message, Does.Contain("getOrders").And.Contain("'acme-eu'").And.Contain("QueueLimit"));
        Assert.That(error.ToString(), Does.Not.Contain("SECRET"));
        Assert.That(wire.Count, Is.EqualTo(20));
        Assert.That(queued.IsCompleted, Is.False, "the call already queued keeps its place");
    }

    [Test]
    public async Task A_call_waiting_longer_than_MaxWait_fails_with_a_typed_error_and_is_not_sent()
    {
        var op = TestOperations.WithPlan(rate: 0.1, burst: 1, id: "slowOperation");
        using var limiter = Limiter(o => o.MaxWait = TimeSpan.FromSeconds(5));
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);
        await client.SendAsync(TestOperations.Request(op), CancellationToken.None);

        var waiting = client.SendAsync(TestOperations.Request(op), CancellationToken.None);
        Advance(4999);
        Assert.That(waiting.IsCompleted, Is.False);
        Advance(1);
        var error = Assert.ThrowsAsync<RateLimitExceededException>(async () => await waiting);
        Assert.That(error!.Reason, Is.EqualTo(RateLimitRejection.MaxWaitExceeded));
        Assert.That(error.MaxWait, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(error.Seller, Is.EqualTo("default"));
        Assert.That(error.Message, Does.Contain("slowOperation").And.Contain("waited 5 s").And.Contain("MaxWait"));
        Assert.That(wire.Count, Is.EqualTo(1));
        Assert.That(Bucket(limiter, op).Queued, Is.Zero);
    }

    [Test]
    public async Task One_sellers_queue_never_delays_another_seller_or_region()
    {
        var op = TestOperations.WithPlan(rate: 0.1, burst: 1);
        using var limiter = Limiter();
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);

        var busy = Enumerable.Range(0, 5).Select(_ => client.SendAsync(TestOperations.Request(op, "busy"), CancellationToken.None)).ToArray();
        await wire.WaitForAsync(1);
        Assert.That(Bucket(limiter, op, "busy").Queued, Is.EqualTo(4));

        // No time passes: the others are served at once, from their own buckets.
        await client.SendAsync(TestOperations.Request(op, "quiet"), CancellationToken.None);
        await client.SendAsync(TestOperations.Request(op), CancellationToken.None);
        await client.SendAsync(TestOperations.Request(op, "busy", endpoint: "https://sellingpartnerapi-eu.amazon.com"), CancellationToken.None);
        Assert.That(wire.Count, Is.EqualTo(4));
        Assert.That(wire.Arrivals.Select(a => a.At), Is.All.EqualTo(wire.Arrivals[0].At));
        Assert.That(Bucket(limiter, op, "busy").Queued, Is.EqualTo(4), "the busy seller's queue is untouched");

        for (var sent = 5; sent <= 8; sent++)
        {
            Advance(10_000);
            await wire.WaitForAsync(sent);
        }
        await Task.WhenAll(busy);
        Assert.That(wire.Count, Is.EqualTo(8));
    }

    [Test]
    public async Task A_429_empties_the_local_bucket_so_the_next_call_waits_for_a_refill()
    {
        var op = TestOperations.WithPlan(rate: 1, burst: 5);
        using var limiter = Limiter();
        var wire = new Wire(_time, (n, _) => new HttpResponseMessage(n == 1 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK));
        using var client = Client(limiter, wire);

        var throttled = await client.SendAsync(TestOperations.Request(op), CancellationToken.None);
        Assert.That(throttled.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Bucket(limiter, op).Available, Is.Zero, "4 tokens were left, the 429 took them");

        var next = client.SendAsync(TestOperations.Request(op), CancellationToken.None);
        Advance(999);
        Assert.That(next.IsCompleted, Is.False);
        Advance(1);
        await next;
        Assert.That(wire.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task The_refill_safety_margin_delays_only_the_first_refill_after_a_full_bucket()
    {
        var op = TestOperations.WithPlan(rate: 2, burst: 1);
        using var limiter = Limiter(o => o.RefillSafetyMargin = TimeSpan.FromMilliseconds(10));
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);

        var calls = Enumerable.Range(0, 3).Select(_ => client.SendAsync(TestOperations.Request(op), CancellationToken.None)).ToArray();
        await wire.WaitForAsync(1);
        Advance(500);
        Assert.That(Bucket(limiter, op).Queued, Is.EqualTo(2));
        Advance(10);
        await wire.WaitForAsync(2);
        Advance(500);
        await Task.WhenAll(calls);
        Assert.That(wire.Arrivals.Select(a => (a.At - wire.Arrivals[0].At).TotalMilliseconds), Is.EqualTo(new double[] { 0, 510, 1010 }));
    }

    [Test]
    public async Task Requests_without_operation_metadata_pass_through_unpaced()
    {
        using var limiter = Limiter();
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);
        for (var i = 0; i < 10; i++)
            await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, TestOperations.Endpoint + "/anything"), CancellationToken.None);
        Assert.That(wire.Count, Is.EqualTo(10));
        Assert.That(limiter.BucketCount, Is.Zero);
    }

    [Test]
    public async Task Idle_full_buckets_are_dropped_after_the_expiry()
    {
        var op = TestOperations.WithPlan(rate: 1, burst: 1);
        using var limiter = Limiter(o => o.IdleBucketExpiry = TimeSpan.FromMinutes(1));
        var wire = new Wire(_time, HttpStatusCode.OK);
        using var client = Client(limiter, wire);
        await client.SendAsync(TestOperations.Request(op, "a"), CancellationToken.None);
        await client.SendAsync(TestOperations.Request(op, "b"), CancellationToken.None);
        Assert.That(limiter.BucketCount, Is.EqualTo(2));

        Advance(90_000);
        await client.SendAsync(TestOperations.Request(op, "b"), CancellationToken.None);
        Assert.That(limiter.BucketCount, Is.EqualTo(1), "a's bucket was idle and full; b's was in use");
        await client.SendAsync(TestOperations.Request(op, "a"), CancellationToken.None);
        Assert.That(wire.Count, Is.EqualTo(4));
    }

    [Test]
    public void Invalid_options_are_rejected_with_every_problem_named()
    {
        var options = new RateLimitHandlerOptions { DefaultPlan = new UsagePlan(0, 0), QueueLimit = -1, MaxWait = TimeSpan.Zero };
        var error = Assert.Throws<ArgumentException>(() => new SpApiRateLimiter(options, _time));
        Assert.That(error!.Message, Does.Contain("DefaultPlan").And.Contain("QueueLimit").And.Contain("MaxWait"));
    }
}
