using System.Net;
using System.Net.Http.Headers;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Resilience;
using SpApi.Auth.Tests.Resilience.Support;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Resilience;

/// <summary>When retrying ends, the last response reaches the generated client, which throws the typed SP-API error.</summary>
public class SpApiExceptionEndToEndTests
{
    private const string QuotaBody =
        "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the requested resource.\",\"details\":\"\"}]}";

    private static readonly OperationMetadata GetOrders = TestOperations.WithPlan(rate: 1, burst: 5, id: "getOrders");

    private TestClock _time = null!;

    [SetUp]
    public void SetUp() => _time = new TestClock();

    private HttpMessageInvoker Client(Wire wire, int maxRetries)
    {
        var limiter = new SpApiRateLimiter(new RateLimitHandlerOptions(), _time);
        var retry = new RetryHandler(new RetryHandlerOptions { MaxRetryAttempts = maxRetries }, null, _time, null, () => 0);
        return HandlerChain.Of(wire.Handler, retry, new RateLimitHandler(limiter));
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string body, int n)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        response.Headers.Add("x-amzn-RequestId", $"req-{n}");
        response.Headers.Add("x-amzn-RateLimit-Limit", "1.0");
        if (status == HttpStatusCode.TooManyRequests) response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
        return response;
    }

    [Test]
    public async Task Exhausted_429_retries_surface_as_SpApiException_with_status_errors_request_id_and_rate_limit()
    {
        var wire = new Wire(_time, (n, _) => Error(HttpStatusCode.TooManyRequests, QuotaBody, n));
        using var client = Client(wire, maxRetries: 2);

        var call = HandWrittenOrdersClient.GetOrdersAsync(client, GetOrders, "acme", CancellationToken.None);
        var error = Assert.ThrowsAsync<SpApiException>(async () => await _time.RunAsync(call));

        Assert.That(wire.Count, Is.EqualTo(3));
        Assert.That(error!.StatusCode, Is.EqualTo(429));
        Assert.That(error.ErrorCode, Is.EqualTo("QuotaExceeded"));
        Assert.That(error.Errors.Single().Message, Is.EqualTo("You exceeded your quota for the requested resource."));
        Assert.That(error.RequestId, Is.EqualTo("req-3"), "the request id of the response the caller got");
        Assert.That(error.RateLimitLimit, Is.EqualTo("1.0"));
        Assert.That(error.Message, Does.Contain("HTTP 429").And.Contain("QuotaExceeded").And.Contain("req-3"));
        Assert.That(error.ToString(), Does.Not.Contain("SECRET"));
    }

    [Test]
    public void A_503_on_a_non_idempotent_call_surfaces_at_once_with_Amazons_error()
    {
        var createReport = TestOperations.WithPlan(rate: 1, burst: 5, method: "POST", id: "createReport");
        var wire = new Wire(_time, (n, _) => Error(HttpStatusCode.ServiceUnavailable,
            "{\"errors\":[{\"code\":\"ServiceUnavailable\",\"message\":\"Try again later.\"}]}", n));
        using var client = Client(wire, maxRetries: 5);

        var error = Assert.ThrowsAsync<SpApiException>(() => HandWrittenOrdersClient.GetOrdersAsync(client, createReport, null, CancellationToken.None));
        Assert.That(wire.Count, Is.EqualTo(1));
        Assert.That(error!.StatusCode, Is.EqualTo(503));
        Assert.That(error.ErrorCode, Is.EqualTo("ServiceUnavailable"));
        Assert.That(error.RequestId, Is.EqualTo("req-1"));
    }
}
