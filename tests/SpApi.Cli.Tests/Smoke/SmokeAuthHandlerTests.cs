using SpApi.Cli.Smoke;
using SpApi.Runtime;

namespace SpApi.Cli.Tests.Smoke;

public class SmokeAuthHandlerTests
{
    private static readonly OperationMetadata Operation = new("sellers.json", "Sellers", "V1", "getAccount", "GET", "/sellers/v1/account", null, false, null);
    private static readonly SmokeCredentials Credentials = new("client-id", "very-secret", "Atzr|refresh-secret");

    [Test]
    public void Tokens_are_never_sent_to_plain_http_hosts_other_than_loopback()
    {
        using var invoker = Invoker(new HttpClient(new Answer(System.Net.HttpStatusCode.OK, """{"access_token":"Atza|x","expires_in":3600}""")));
        using var request = Request("http://sellingpartnerapi.example.com/sellers/v1/account");
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("not HTTPS and not the loopback sandbox"));
    }

    [Test]
    public void A_failed_lwa_grant_names_the_error_but_no_secret()
    {
        using var invoker = Invoker(new HttpClient(new Answer(System.Net.HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"bad refresh token"}""")));
        using var request = Request("https://sellingpartnerapi.example.com/sellers/v1/account");
        var e = Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(request, CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("invalid_grant").And.Not.Contain("very-secret").And.Not.Contain("refresh-secret"));
        Assert.That(Credentials.ToString(), Does.Not.Contain("very-secret").And.Not.Contain("refresh-secret"));
    }

    private static HttpMessageInvoker Invoker(HttpClient tokenClient) =>
        new(new SmokeAuthHandler(Credentials, new Uri("https://lwa.example.com/auth/o2/token"), tokenClient,
            _ => new RdtRequest(true, []), TimeProvider.System) { InnerHandler = new Answer(System.Net.HttpStatusCode.OK, "{}") });

    private static HttpRequestMessage Request(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(SpApiRequestOptions.Operation, Operation);
        return request;
    }

    private sealed class Answer(System.Net.HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
    }
}
