using SpApi.Runtime;

namespace SpApi.Runtime.Tests;

public class SpApiExceptionTests
{
    private static Dictionary<string, IEnumerable<string>> Headers(params (string, string)[] pairs) =>
        pairs.ToDictionary(p => p.Item1, p => (IEnumerable<string>)[p.Item2]);

    [Test]
    public void Message_names_code_message_and_request_id_but_not_the_body()
    {
        const string body = """{"errors":[{"code":"InvalidInput","message":"Invalid MarketplaceId","details":"ATVPDKIKX0DER1"}],"secret":"should-not-leak"}""";
        var e = new SpApiException("The HTTP status code of the response was not expected (400).", 400, body,
            Headers(("x-amzn-RequestId", "req-123"), ("x-amzn-RateLimit-Limit", "0.0167")), null);

        Assert.That(e.StatusCode, Is.EqualTo(400));
        Assert.That(e.ErrorCode, Is.EqualTo("InvalidInput"));
        Assert.That(e.Errors.Single().Details, Is.EqualTo("ATVPDKIKX0DER1"));
        Assert.That(e.RequestId, Is.EqualTo("req-123"));
        Assert.That(e.RateLimitLimit, Is.EqualTo("0.0167"));
        Assert.That(e.Message, Does.Contain("HTTP 400").And.Contain("InvalidInput: Invalid MarketplaceId").And.Contain("req-123"));
        Assert.That(e.Message, Does.Not.Contain("should-not-leak"));
        Assert.That(e.ToString(), Does.Not.Contain("should-not-leak"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("<html>Bad gateway</html>")]
    [TestCase("""{"message":"no errors list"}""")]
    public void Bodies_without_an_errors_list_give_no_errors_and_no_crash(string? body)
    {
        var e = new SpApiException("Bad gateway (502).\n\nStatus: 502", 502, body, null, null);
        Assert.That(e.Errors, Is.Empty);
        Assert.That(e.ErrorCode, Is.Null);
        Assert.That(e.RequestId, Is.Null);
        Assert.That(e.Message, Is.EqualTo("SP-API returned HTTP 502: Bad gateway (502)."));
    }

    [Test]
    public void Header_lookup_is_case_insensitive_and_typed_result_is_kept()
    {
        var e = new SpApiException<string>("x", 429, """{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}""",
            Headers(("X-Amzn-RequestId", "abc")), "typed", null);
        Assert.That(e.RequestId, Is.EqualTo("abc"));
        Assert.That(e.Result, Is.EqualTo("typed"));
        Assert.That(e.ErrorCode, Is.EqualTo("QuotaExceeded"));
    }
}
