using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SpApi.Auth.Lwa;
using SpApi.Auth.Tests.Support;

namespace SpApi.Auth.Tests.Lwa;

/// <summary>LWA never follows a redirect (it would re-post the client secret and refresh token) and only talks to Amazon's LWA hosts unless told otherwise.</summary>
public class LwaRedirectAndHostTests
{
    private const string Secret = "client-secret-DO-NOT-LEAK";
    private const string Refresh = "Atzr|refresh-DO-NOT-LEAK";
    private static readonly LwaCredentials App = new("client-id", Secret);
    private const string TokenJson = """{"access_token":"Atza|stolen","token_type":"bearer","expires_in":3600}""";

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(303)]
    [TestCase(307)]
    [TestCase(308)]
    public async Task A_redirect_from_lwa_is_an_LwaException_naming_the_origin_and_nothing_is_re_posted(int status)
    {
        await using var thief = new LoopbackHttpServer(_ => LoopbackHttpServer.Answer(200, TokenJson));
        await using var lwa = new LoopbackHttpServer(_ => LoopbackHttpServer.Answer(status, "", $"Location: {thief.Address}steal?code=secret-looking"));
        using var sp = SellingPartnerClient.Create(Options(new Uri(lwa.Address, "auth/o2/token")));

        var e = Assert.ThrowsAsync<LwaException>(() => sp.Services.GetRequiredService<ILwaClient>().RefreshAsync(App, Refresh, CancellationToken.None));

        Assert.That(e!.Error, Is.EqualTo(LwaException.RedirectError));
        Assert.That(e.StatusCode, Is.EqualTo(status));
        Assert.That(e.Message, Does.Contain(thief.Address.GetLeftPart(UriPartial.Authority)));
        Assert.That(e.Message, Does.Not.Contain("secret-looking"), "only the origin is named, never the path or query");
        Assert.That(e.Message, Does.Not.Contain(Secret).And.Not.Contain(Refresh));
        Assert.That(thief.Requests, Is.Empty, "nothing was re-posted to the redirect target");
        Assert.That(lwa.Requests, Has.Count.EqualTo(1), "a redirect is not retried");
    }

    [Test]
    public async Task An_answer_from_another_origin_through_a_caller_supplied_redirecting_HttpClient_is_refused()
    {
        await using var other = new LoopbackHttpServer(_ => LoopbackHttpServer.Answer(200, TokenJson));
        await using var lwa = new LoopbackHttpServer(_ => LoopbackHttpServer.Answer(302, "", $"Location: {other.Address}token"));
        var client = new LwaClient(() => new HttpClient(), new LwaClientOptions { Endpoint = new Uri(lwa.Address, "auth/o2/token"), AllowLoopback = true, RetryDelays = [] },
            new FakeTimeProvider());

        var e = Assert.ThrowsAsync<LwaException>(() => client.RefreshAsync(App, Refresh, CancellationToken.None));
        Assert.That(e!.Error, Is.EqualTo(LwaException.RedirectError));
        Assert.That(e.Message, Does.Contain(other.Address.GetLeftPart(UriPartial.Authority)));
    }

    [TestCase("https://api.amazon.com/auth/o2/token")]
    [TestCase("https://api.amazon.co.uk/auth/o2/token")]
    [TestCase("https://API.AMAZON.CO.JP/auth/o2/token")]
    public void Amazons_lwa_hosts_are_accepted(string endpoint) =>
        Assert.DoesNotThrow(() => SellingPartnerClient.Create(Options(new Uri(endpoint), allowLoopback: false)).Dispose());

    [TestCase("https://evil.example.com/auth/o2/token", "evil.example.com is not a Login with Amazon host")]
    [TestCase("https://api.amazon.com.evil.example/auth/o2/token", "is not a Login with Amazon host")]
    [TestCase("https://api.amazon.com:8443/auth/o2/token", "is not a Login with Amazon host")]
    [TestCase("https://user:pw@api.amazon.com/auth/o2/token", "user information")]
    [TestCase("http://api.amazon.com/auth/o2/token", "must be HTTPS")]
    [TestCase("http://127.0.0.1:5080/auth/o2/token", "AllowLoopbackBaseAddress")]
    public void Other_lwa_hosts_are_refused_at_start_naming_the_setting(string endpoint, string why)
    {
        var e = Assert.Throws<OptionsValidationException>(() => SellingPartnerClient.Create(Options(new Uri(endpoint), allowLoopback: false)));
        Assert.That(e!.Message, Does.Contain("LwaEndpoint").And.Contain(why));
    }

    [Test]
    public void A_host_the_application_explicitly_allows_is_accepted()
    {
        var options = Options(new Uri("https://lwa-proxy.corp.example/auth/o2/token"), allowLoopback: false);
        options.AllowedLwaHosts.Add("lwa-proxy.corp.example");
        Assert.DoesNotThrow(() => SellingPartnerClient.Create(options).Dispose());
    }

    [Test]
    public void LwaClient_validates_its_endpoint_when_built()
    {
        var e = Assert.Throws<ArgumentException>(() => new LwaClient(() => new HttpClient(),
            new LwaClientOptions { Endpoint = new Uri("https://evil.example.com/auth/o2/token") }, TimeProvider.System));
        Assert.That(e!.Message, Does.Contain("evil.example.com"));
    }

    private static SellingPartnerOptions Options(Uri lwaEndpoint, bool allowLoopback = true) => new()
    {
        ClientId = "client-id",
        ClientSecret = Secret,
        RefreshToken = Refresh,
        LwaEndpoint = lwaEndpoint.ToString(),
        AllowLoopbackBaseAddress = allowLoopback,
        PrefetchAccessToken = false, // these tests count the LWA requests of the exchange they make themselves
    };
}
