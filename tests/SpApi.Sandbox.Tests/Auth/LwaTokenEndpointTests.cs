using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Auth;

/// <summary>The LWA endpoint grants tokens for the configured credentials only, with the configured lifetime.</summary>
public class LwaTokenEndpointTests
{
    private SandboxHarness _sandbox = null!;

    [SetUp]
    public async Task StartAsync() => _sandbox = await SandboxHarness.StartAsync(o => o.TokenLifetime = TimeSpan.FromSeconds(90));

    [TearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    private static readonly SandboxCredential Seller = SandboxHarness.Seller1;

    [Test]
    public async Task Refresh_token_grant_returns_an_lwa_token_with_the_configured_lifetime()
    {
        var (status, body) = await _sandbox.TokenRequestAsync(("grant_type", "refresh_token"), ("refresh_token", Seller.RefreshToken),
            ("client_id", Seller.ClientId), ("client_secret", Seller.ClientSecret));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.Value<string>("access_token"), Does.StartWith("Atza|"));
        Assert.That(body.Value<string>("token_type"), Is.EqualTo("bearer"));
        Assert.That(body.Value<long>("expires_in"), Is.EqualTo(90));
        Assert.That(body.Value<string>("refresh_token"), Is.EqualTo(Seller.RefreshToken));
    }

    [Test]
    public async Task Each_grant_mints_a_distinct_token()
    {
        Assert.That(await _sandbox.SellerTokenAsync(), Is.Not.EqualTo(await _sandbox.SellerTokenAsync()));
    }

    [Test]
    public async Task Client_credentials_grant_returns_a_scoped_token()
    {
        var (status, body) = await _sandbox.TokenRequestAsync(("grant_type", "client_credentials"), ("scope", TestCatalog.NotificationsScope),
            ("client_id", Seller.ClientId), ("client_secret", Seller.ClientSecret));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.Value<string>("scope"), Is.EqualTo(TestCatalog.NotificationsScope));
        Assert.That(body["refresh_token"], Is.Null);
    }

    [Test]
    public async Task Client_credentials_may_come_as_http_basic()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/o2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = Seller.RefreshToken }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Seller.ClientId}:{Seller.ClientSecret}")));
        using var response = await _sandbox.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("refresh_token", "client-1", "wrong-secret", "Atzr|refresh-1", HttpStatusCode.Unauthorized, "invalid_client")]
    [TestCase("refresh_token", "client-x", "secret-1", "Atzr|refresh-1", HttpStatusCode.Unauthorized, "invalid_client")]
    [TestCase("refresh_token", "client-1", "secret-1", "Atzr|unknown", HttpStatusCode.BadRequest, "invalid_grant")]
    [TestCase("refresh_token", "client-1", "secret-1", "", HttpStatusCode.BadRequest, "invalid_request")]
    [TestCase("password", "client-1", "secret-1", "Atzr|refresh-1", HttpStatusCode.BadRequest, "unsupported_grant_type")]
    public async Task Bad_requests_get_lwa_errors(string grant, string clientId, string secret, string refresh, HttpStatusCode status, string error)
    {
        var (actualStatus, body) = await _sandbox.TokenRequestAsync(("grant_type", grant), ("refresh_token", refresh), ("client_id", clientId), ("client_secret", secret));
        Assert.That(actualStatus, Is.EqualTo(status));
        Assert.That(body.Value<string>("error"), Is.EqualTo(error));
        Assert.That(body.ToString(), Does.Not.Contain("secret-1").And.Not.Contain("refresh-1"), "errors never echo secrets");
    }

    [Test]
    public async Task An_unknown_scope_is_refused()
    {
        var (status, body) = await _sandbox.TokenRequestAsync(("grant_type", "client_credentials"), ("scope", "sellingpartnerapi::everything"),
            ("client_id", Seller.ClientId), ("client_secret", Seller.ClientSecret));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.Value<string>("error"), Is.EqualTo("invalid_scope"));
    }

    [Test]
    public async Task A_refresh_token_of_another_client_is_refused()
    {
        var other = new SandboxCredential("client-2", "secret-2", "Atzr|other", "A3OTHER");
        await using var sandbox = await SandboxHarness.StartAsync(o => o.Credentials.Add(other));
        var (status, body) = await sandbox.TokenRequestAsync(("grant_type", "refresh_token"), ("refresh_token", other.RefreshToken),
            ("client_id", Seller.ClientId), ("client_secret", Seller.ClientSecret));
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.Value<string>("error"), Is.EqualTo("invalid_grant"));
    }
}
