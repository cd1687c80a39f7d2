using System.Net;

namespace SpApi.Runtime.Tests;

public class ResponseHeadersTests
{
    private static HttpResponseMessage Response()
    {
        var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{}") };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "req-9");
        response.Headers.TryAddWithoutValidation("x-amzn-RateLimit-Limit", "0.5");
        response.Headers.TryAddWithoutValidation("Vary", ["a", "b"]);
        return response;
    }

    private static Dictionary<string, IEnumerable<string>> EagerCopy(HttpResponseMessage response)
    {
        var copy = new Dictionary<string, IEnumerable<string>>();
        foreach (var (k, v) in response.Headers) copy[k] = v;
        foreach (var (k, v) in response.Content.Headers) copy[k] = v;
        return copy;
    }

    [Test]
    public void Holds_what_the_generated_eager_copy_held()
    {
        using var response = Response();
        var headers = new ResponseHeaders(response);

        Assert.That(headers.ToDictionary(h => h.Key, h => h.Value.ToArray()),
            Is.EqualTo(EagerCopy(response).ToDictionary(h => h.Key, h => h.Value.ToArray())));
        Assert.That(headers["Vary"], Is.EqualTo(new[] { "a", "b" }));
        Assert.That(headers.ContainsKey("Content-Type"), Is.True, "content headers are included");
        Assert.That(headers.TryGetValue("missing", out _), Is.False);
        Assert.That(headers.Count, Is.EqualTo(headers.Keys.Count()));
    }

    [Test]
    public void Copies_nothing_until_read_and_once_copied_outlives_the_response()
    {
        var response = Response();
        var headers = new ResponseHeaders(response);
        Assert.That(headers.IsCopied, Is.False);

        Assert.That(headers.Count, Is.GreaterThan(0));
        Assert.That(headers.IsCopied, Is.True);
        response.Headers.TryAddWithoutValidation("x-late", "1");
        response.Dispose();

        Assert.That(headers.ContainsKey("x-late"), Is.False, "a snapshot taken at first read");
        Assert.That(headers["x-amzn-RequestId"].Single(), Is.EqualTo("req-9"));
    }

    [Test]
    public void SpApiException_reads_request_id_and_rate_limit_from_it()
    {
        using var response = Response();
        var e = new SpApiException("Bad request (400).", 400, """{"errors":[{"code":"InvalidInput","message":"bad"}]}""",
            new ResponseHeaders(response), null);

        Assert.That(e.RequestId, Is.EqualTo("req-9"));
        Assert.That(e.RateLimitLimit, Is.EqualTo("0.5"));
        Assert.That(e.Message, Does.Contain("req-9"));
    }

    [Test]
    public void Null_response_is_refused()
    {
        Assert.That(() => new ResponseHeaders(null!), Throws.ArgumentNullException);
    }
}
