using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Auth;

/// <summary>The OAuth website workflow end to end: consent redirect, code exchange, refresh with the new token.</summary>
public class ConsentTests
{
    private SandboxHarness _sandbox = null!;

    [SetUp]
    public async Task StartAsync() => _sandbox = await SandboxHarness.StartAsync(o => o.ConsentSellerId = "A9CONSENTED");

    [TearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    private const string RedirectUri = "https://app.example.com/callback";

    private async Task<Dictionary<string, string>> ConsentAsync(string state = "xyz-123")
    {
        using var response = await _sandbox.Http.GetAsync(
            $"/apps/authorize/consent?application_id=amzn1.sp.solution.test&state={state}&version=beta&redirect_uri={Uri.EscapeDataString(RedirectUri)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var location = response.Headers.Location!;
        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(RedirectUri));
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    private Task<(HttpStatusCode, Newtonsoft.Json.Linq.JObject)> ExchangeAsync(string code) =>
        _sandbox.TokenRequestAsync(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", RedirectUri),
            ("client_id", SandboxHarness.Seller1.ClientId), ("client_secret", SandboxHarness.Seller1.ClientSecret));

    [Test]
    public async Task Consent_redirects_with_state_seller_and_code_which_exchanges_for_a_working_refresh_token()
    {
        var query = await ConsentAsync();
        Assert.That(query["state"], Is.EqualTo("xyz-123"));
        Assert.That(query["selling_partner_id"], Is.EqualTo("A9CONSENTED"));

        var (status, body) = await ExchangeAsync(query["spapi_oauth_code"]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        var refresh = body.Value<string>("refresh_token")!;
        Assert.That(refresh, Does.StartWith("Atzr|"));

        var (refreshStatus, _) = await _sandbox.TokenRequestAsync(("grant_type", "refresh_token"), ("refresh_token", refresh),
            ("client_id", SandboxHarness.Seller1.ClientId), ("client_secret", SandboxHarness.Seller1.ClientSecret));
        Assert.That(refreshStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_sandbox.Server.Stats.Snapshot().TokenGrantsBySeller["A9CONSENTED"], Is.EqualTo(2));
    }

    [Test]
    public async Task A_code_is_single_use_and_expires()
    {
        var code = (await ConsentAsync())["spapi_oauth_code"];
        Assert.That((await ExchangeAsync(code)).Item1, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ExchangeAsync(code)).Item1, Is.EqualTo(HttpStatusCode.BadRequest));

        var late = (await ConsentAsync())["spapi_oauth_code"];
        _sandbox.Time.Advance(TimeSpan.FromMinutes(5));
        var (status, body) = await ExchangeAsync(late);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.Value<string>("error"), Is.EqualTo("invalid_grant"));
    }

    [TestCase("state=s&redirect_uri=https%3A%2F%2Fa.example", "application_id")]
    [TestCase("application_id=a&redirect_uri=https%3A%2F%2Fa.example", "state")]
    [TestCase("application_id=a&state=s&redirect_uri=not-a-url", "redirect_uri")]
    public async Task A_bad_consent_url_gets_400_naming_the_problem(string query, string problem)
    {
        var reply = await _sandbox.GetAsync("/apps/authorize/consent?" + query, accessToken: null);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.FirstError["details"]!.ToString(), Does.Contain(problem));
    }
}
