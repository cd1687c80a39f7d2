using System.Net;
using Microsoft.Extensions.Time.Testing;
using SpApi.Auth.Handlers;
using SpApi.Auth.Lwa;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tests.Resilience.Support;
using SpApi.Auth.Tests.Support;
using SpApi.Auth.Tokens;
using SpApi.Orders.V0;
using SpApi.Runtime;
using SpApi.Uploads.V2020_11_01;

namespace SpApi.Auth.Tests.Hardening;

/// <summary>The seven findings of issue 10, each as found, plus the general rule behind it. The hostile-server
/// versions run in SpApi.Cli.Tests (FaultSuiteTests) and <c>spapi bench faults</c>.</summary>
public class HardeningRegressionTests
{
    private static readonly LwaCredentials App = new("client-id", "client-secret-DO-NOT-LEAK");

    // 1. x-amzn-RateLimit-Limit: 1e-7 ended the process from a timer thread (bucket refilling) or threw ArgumentOutOfRange (bucket full).
    [TestCase("1e-7")]
    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("1e308")]
    [TestCase("4.9e-324")]
    public async Task Rate_header_out_of_range_is_ignored_while_the_bucket_refills(string header)
    {
        var time = new TestClock();
        var op = TestOperations.WithPlan(rate: 1, burst: 1);
        using var limiter = new SpApiRateLimiter(new RateLimitHandlerOptions { RefillSafetyMargin = TimeSpan.Zero }, time);
        var wire = new Wire(time, (_, _) =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.OK);
            r.Headers.TryAddWithoutValidation("x-amzn-RateLimit-Limit", header);
            return r;
        });
        using var client = HandlerChain.Of(wire.Handler, new RateLimitHandler(limiter));

        (await client.SendAsync(TestOperations.Request(op), CancellationToken.None)).Dispose();   // bucket now refilling
        var second = client.SendAsync(TestOperations.Request(op), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        (await second).Dispose();

        Assert.That(limiter.Find(new BucketKey("", TestOperations.Endpoint, op.Key))!.Rate, Is.EqualTo(1), "the documented rate is kept");
        Assert.That(wire.Count, Is.EqualTo(2));
    }

    [TestCase("1e-7", false)]
    [TestCase("0.0001", false)]
    [TestCase("0.0167", true)]
    [TestCase("0.00028", true)]
    [TestCase("100000", true)]
    [TestCase("100001", false)]
    public void Rate_header_range_is_one_per_hour_to_100000_per_second(string header, bool adopted)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("x-amzn-RateLimit-Limit", header);
        Assert.That(RateLimitHeader.TryRead(response, out _), Is.EqualTo(adopted));
    }

    // 2. A 302/307 to another origin was followed with x-amz-access-token.
    [Test]
    public void Transports_of_the_pipeline_do_not_follow_redirects()
    {
        var sockets = new SocketsHttpHandler();
        var classic = new HttpClientHandler();
        NoRedirects.Apply(sockets);
        NoRedirects.Apply(classic);
        Assert.That(sockets.AllowAutoRedirect, Is.False);
        Assert.That(classic.AllowAutoRedirect, Is.False);
    }

    [Test]
    public void A_redirect_is_a_typed_error_naming_only_the_target_origin()
    {
        using var host = AuthTestHost.Create();
        host.SpApi.Responder = _ =>
        {
            var r = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
            r.Headers.Location = new Uri("https://evil.example.net:8443/collect?x=1");
            r.Headers.TryAddWithoutValidation("x-amzn-RequestId", "req-302");
            return r;
        };

        var e = Assert.ThrowsAsync<UnexpectedRedirectException>(() => host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));

        Assert.That(e!.Target, Is.EqualTo("https://evil.example.net:8443"));
        Assert.That(e.StatusCode, Is.EqualTo(307));
        Assert.That(e.Message, Does.Contain("req-302").And.Not.Contain("collect"));
        Assert.That(host.SpApi.Sent, Has.Count.EqualTo(1), "a redirect is neither followed nor retried");
    }

    // 3. getOrder(".") went out as getOrders; Uploads' resource "../../../feeds/..." reached createFeedDocument.
    [TestCase("")]
    [TestCase(".")]
    [TestCase("..")]
    public void Empty_and_dot_path_arguments_are_refused_before_sending(string orderId)
    {
        var recorder = new RecordingHandler();
        var orders = new OrdersClient(new HttpClient(recorder) { BaseAddress = new Uri(TestOperations.Endpoint) });

#pragma warning disable CS0612 // getOrder is deprecated in the model; it is the operation the finding named
        var e = Assert.ThrowsAsync<ArgumentException>(() => orders.GetOrderAsync(orderId, CancellationToken.None));
#pragma warning restore CS0612

        Assert.That(e!.ParamName, Is.EqualTo("orderId"));
        Assert.That(recorder.Sent, Is.Empty);
    }

    [TestCase("../../../feeds/2021-06-30/documents")]
    [TestCase("messaging/v1/./x")]
    [TestCase("a//b")]
    public void Path_valued_arguments_with_dot_or_empty_segments_are_refused(string resource)
    {
        var recorder = new RecordingHandler();
        var uploads = new UploadsClient(new HttpClient(recorder) { BaseAddress = new Uri(TestOperations.Endpoint) });

        var e = Assert.ThrowsAsync<ArgumentException>(() => uploads.CreateUploadDestinationForResourceAsync(["ATVPDKIKX0DER"], "md5", resource, null, CancellationToken.None));

        Assert.That(e!.ParamName, Is.EqualTo("resource"));
        Assert.That(recorder.Sent, Is.Empty);
    }

    [TestCase("a/b", "/orders/v0/orders/a%2Fb")]
    [TestCase("x?y=1#z", "/orders/v0/orders/x%3Fy%3D1%23z")]
    [TestCase("...", "/orders/v0/orders/...")]
    public async Task Other_path_arguments_are_escaped_into_one_segment(string orderId, string path)
    {
        var recorder = new RecordingHandler();
        var orders = new OrdersClient(new HttpClient(recorder) { BaseAddress = new Uri(TestOperations.Endpoint) });

#pragma warning disable CS0612
        try { await orders.GetOrderAsync(orderId, CancellationToken.None); } catch (SpApiException) { }
#pragma warning restore CS0612

        Assert.That(recorder.Sent.Single().RequestUri!.AbsolutePath, Is.EqualTo(path));
        Assert.That(SpApiPath.Fits(OrdersClient.SpApiOperations.Get("getOrder"), path), Is.True);
    }

    [TestCase("/orders/v0/orders/", false)]
    [TestCase("/orders/v0/orders", false)]
    [TestCase("/orders/v0/orders/1/orderItems", false)]
    [TestCase("/orders/v0/orders/%2E%2E", false)]
    [TestCase("/orders/v0/orders/902-1", true)]
    public void Paths_fit_their_template_only_with_one_real_segment_per_argument(string path, bool fits) =>
        Assert.That(SpApiPath.Fits(OrdersClient.SpApiOperations.Get("getOrder"), path), Is.EqualTo(fits));

    [Test]
    public void The_pipeline_never_sends_a_request_whose_path_leaves_its_operation()
    {
        using var host = AuthTestHost.Create();

        Assert.ThrowsAsync<PathTemplateMismatchException>(() => host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/"));
        Assert.ThrowsAsync<PathTemplateMismatchException>(() => host.Orders.SendAsync(Ops.ConfirmShipment, "/feeds/2021-06-30/documents"));
        Assert.That(host.SpApi.Sent, Is.Empty);
    }

    // 4. An LWA access token with CR/LF injected a header; tokens also come from shared caches and callers.
    [TestCase("Atza|x\r\nX-Injected: 1")]
    [TestCase("Atza| x")]
    [TestCase("")]
    [TestCase("Atza|ü")]
    public void Lwa_tokens_that_are_not_visible_ascii_are_refused(string token)
    {
        var lwa = new FakeLwa { Override = _ => Json(HttpStatusCode.OK, System.Text.Json.JsonSerializer.Serialize(new { access_token = token, expires_in = 3600 })) };
        var client = new LwaClient(() => new HttpClient(lwa.Handler, false), new LwaClientOptions { RetryDelays = [] }, new FakeTimeProvider());

        var e = Assert.ThrowsAsync<LwaException>(() => client.RefreshAsync(App, "Atzr|r", CancellationToken.None));

        Assert.That(e!.Error, Is.EqualTo("invalid_response"));
    }

    [Test]
    public void Token_format_is_visible_ascii_up_to_8192_characters()
    {
        Assert.That(TokenFormat.IsValid("Atza|IwEBIA-_.~+/="), Is.True);
        Assert.That(TokenFormat.IsValid(new string('a', TokenFormat.MaxLength)), Is.True);
        Assert.That(TokenFormat.IsValid(new string('a', TokenFormat.MaxLength + 1)), Is.False);
        Assert.That(TokenFormat.IsValid("a\rb"), Is.False);
        Assert.That(TokenFormat.IsValid("a\tb"), Is.False);
        Assert.Throws<InvalidTokenException>(() => CachedToken.Create("a\nb", TimeSpan.FromHours(1), TimeSpan.Zero, DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => RestrictedData.Use("Atz.sprdt|x\r\nX-Injected: 1"));
    }

    [Test]
    public async Task A_planted_cache_entry_is_a_miss_and_a_fresh_token_is_fetched()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryTokenCache(time);
        await cache.SetAsync("k", new CachedToken("Atza|x\r\nX-Injected: 1", time.GetUtcNow().AddHours(1)), CancellationToken.None);
        var store = new SingleFlightTokenStore(cache, time);

        var token = await store.GetAsync("k", _ => Task.FromResult(new CachedToken("Atza|fresh", time.GetUtcNow().AddHours(1))), t => t, CancellationToken.None);

        Assert.That(token.Value, Is.EqualTo("Atza|fresh"));
    }

    // 5. A 200 MB error body was kept whole (3.5-5 GB peak); a 200 MB LWA answer peaked at 1.8 GB.
    [Test]
    public async Task Error_bodies_are_read_once_up_to_1_MB_and_the_cut_is_marked()
    {
        var source = new HostileStream(200L * 1024 * 1024);
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StreamContent(source) };

        await ErrorBodyLimit.ApplyAsync(response, CancellationToken.None);

        Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(ErrorBodyLimit.MaxBytes));
        Assert.That(source.Served, Is.LessThanOrEqualTo(ErrorBodyLimit.MaxBytes + 64 * 1024), "the rest is never read");
        Assert.That(response.Headers.GetValues(SpApiException.BodyTruncatedHeader).Single(), Does.Contain("cut at 1048576 bytes"));
        var e = new SpApiException("x", 500, "", new ResponseHeaders(response), null);
        Assert.That(e.BodyTruncated, Is.Not.Null);
        Assert.That(e.Message, Does.Contain("cut at"));
    }

    [Test]
    public void A_200_MB_LWA_answer_is_cut_at_1_MB_and_refused()
    {
        var source = new HostileStream(200L * 1024 * 1024);
        var lwa = new FakeLwa { Override = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(source) } };
        var client = new LwaClient(() => new HttpClient(lwa.Handler, false), new LwaClientOptions { RetryDelays = [] }, new FakeTimeProvider());

        var e = Assert.ThrowsAsync<LwaException>(() => client.RefreshAsync(App, "Atzr|r", CancellationToken.None));

        Assert.That(e!.Error, Is.EqualTo("invalid_response"));
        Assert.That(source.Served, Is.LessThanOrEqualTo(LwaBodyCap.MaxBytes + 64 * 1024));
    }

    // 6. invalid_grant with 1,000 queued calls: 984 waited for MaxWait (120 s).
    [Test]
    public async Task After_invalid_grant_the_seller_fails_at_once_for_the_documented_period()
    {
        var time = new FakeTimeProvider();
        var lwa = new FakeLwa { Override = _ => FakeLwa.Error(HttpStatusCode.BadRequest, "invalid_grant", "revoked") };
        var revoked = new RevokedSellers(time);
        var provider = new AccessTokenProvider(new LwaClient(() => new HttpClient(lwa.Handler, false), new LwaClientOptions { RetryDelays = [] }, time),
            new SingleFlightTokenStore(new InMemoryTokenCache(time), time), App, TimeSpan.FromMinutes(5), time, revoked);
        var seller = new SellerContext("s1", "Atzr|s1", global::SpApi.Auth.Endpoints.SpApiRegion.NorthAmerica);

        Assert.ThrowsAsync<LwaException>(async () => await provider.GetSellerTokenAsync(seller, CancellationToken.None));
        var fast = Assert.ThrowsAsync<LwaException>(async () => await provider.GetSellerTokenAsync(seller, CancellationToken.None));
        Assert.That(fast!.Error, Is.EqualTo("invalid_grant"));
        Assert.That(lwa.Requests, Is.EqualTo(1), "LWA is not asked again during the period");

        time.Advance(RevokedSellers.DefaultPeriod + TimeSpan.FromSeconds(1));
        Assert.ThrowsAsync<LwaException>(async () => await provider.GetSellerTokenAsync(seller, CancellationToken.None));
        Assert.That(lwa.Requests, Is.EqualTo(2), "after the period LWA is asked again");
        await Task.CompletedTask;
    }

    [Test]
    public async Task Calls_queued_in_the_rate_limiter_fail_as_soon_as_their_seller_is_refused()
    {
        var time = new TestClock();
        var op = TestOperations.WithPlan(rate: 0.01, burst: 1);
        var revoked = new RevokedSellers(time);
        using var limiter = new SpApiRateLimiter(new RateLimitHandlerOptions(), time);
        var wire = new Wire(time, HttpStatusCode.OK);
        using var client = HandlerChain.Of(wire.Handler, new RateLimitHandler(limiter, null, revoked));
        (await client.SendAsync(TestOperations.Request(op, "s1"), CancellationToken.None)).Dispose();
        var queued = Enumerable.Range(0, 50).Select(_ => client.SendAsync(TestOperations.Request(op, "s1"), CancellationToken.None)).ToArray();
        var other = client.SendAsync(TestOperations.Request(op, "s2"), CancellationToken.None);

        revoked.Revoke("s1", new LwaException("invalid_grant", "revoked", 400, "refresh_token"));

        foreach (var call in queued)
            Assert.That((await call.ContinueWith(t => t.Exception?.InnerException)), Is.TypeOf<LwaException>());
        Assert.That(other.IsCompleted ? other.Result.StatusCode : HttpStatusCode.OK, Is.EqualTo(HttpStatusCode.OK), "another seller is not affected");
        Assert.That(wire.Count, Is.LessThanOrEqualTo(2));
    }

    // 7. Wrong-shaped LWA JSON threw InvalidOperationException; a mid-body reset a bare IOException; MaxWait = 60 days passed validation.
    [TestCase("[]")]
    [TestCase("\"Atza|x\"")]
    [TestCase("42")]
    [TestCase("null")]
    [TestCase("{\"access_token\":5,\"expires_in\":3600}")]
    [TestCase("{\"access_token\":\"Atza|x\",\"expires_in\":\"3600\"}")]
    [TestCase("{\"access_token\":\"Atza|x\",\"expires_in\":1e300}")]
    [TestCase("{\"access_token\":\"Atza|x\",\"expires_in\":3600,\"refresh_token\":7}")]
    public void Lwa_json_of_the_wrong_shape_is_an_LwaException(string body)
    {
        var lwa = new FakeLwa { Override = _ => Json(HttpStatusCode.OK, body) };
        var client = new LwaClient(() => new HttpClient(lwa.Handler, false), new LwaClientOptions { RetryDelays = [] }, new FakeTimeProvider());

        var e = Assert.ThrowsAsync<LwaException>(() => client.RefreshAsync(App, "Atzr|r", CancellationToken.None));

        Assert.That(e!.Error, Is.EqualTo("invalid_response"));
    }

    [Test]
    public void A_reset_mid_body_is_an_SpApiException_with_the_status()
    {
        var handler = new RecordingHandler { Respond = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = HostileStream.Content(10_000, failAfter: 100) } };
        var orders = new OrdersClient(new HttpClient(handler) { BaseAddress = new Uri(TestOperations.Endpoint) });

        var e = Assert.ThrowsAsync<SpApiException>(() => orders.GetOrdersAsync(["ATVPDKIKX0DER"], cancellationToken: CancellationToken.None));

        Assert.That(e!.StatusCode, Is.EqualTo(200));
        Assert.That(e.InnerException, Is.InstanceOf<IOException>());
    }

    [Test]
    public void MaxWait_of_60_days_is_refused_at_validation()
    {
        var e = Assert.Throws<ArgumentException>(() => new RateLimitHandlerOptions { MaxWait = TimeSpan.FromDays(60) }.Validate());
        Assert.That(e!.Message, Does.Contain("MaxWait"));
        Assert.DoesNotThrow(() => new RateLimitHandlerOptions { MaxWait = RateLimitHandlerOptions.MaxMaxWait }.Validate());
        Assert.DoesNotThrow(() => new RateLimitHandlerOptions { MaxWait = Timeout.InfiniteTimeSpan }.Validate());
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body) };

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Sent { get; } = [];
        public Func<HttpResponseMessage> Respond { get; init; } = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Add(request);
            return Task.FromResult(Respond());
        }
    }
}
