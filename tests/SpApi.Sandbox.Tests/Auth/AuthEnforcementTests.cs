using System.Net;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Auth;

/// <summary>Missing, unknown, expired and wrong-kind tokens get SP-API's 403.</summary>
public class AuthEnforcementTests
{
    private SandboxHarness _sandbox = null!;

    [SetUp]
    public async Task StartAsync() => _sandbox = await SandboxHarness.StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(10));

    [TearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    private const string Participations = "/sellers/v1/marketplaceParticipations";

    [Test]
    public async Task A_missing_token_gets_403_in_amazons_error_shape()
    {
        var reply = await _sandbox.GetAsync(Participations, accessToken: null);
        AssertUnauthorized(reply, "missing");
        Assert.That(reply.Header("x-amzn-RequestId"), Is.Not.Empty);
    }

    [Test]
    public async Task An_unknown_token_gets_403() =>
        AssertUnauthorized(await _sandbox.GetAsync(Participations, "Atza|forged"), "revoked, malformed or invalid");

    [Test]
    public async Task A_token_works_until_it_expires_then_gets_403()
    {
        var token = await _sandbox.SellerTokenAsync();
        Assert.That((await _sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.OK));

        _sandbox.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.That((await _sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.OK));

        _sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        AssertUnauthorized(await _sandbox.GetAsync(Participations, token), "expired");
    }

    [Test]
    public async Task A_grantless_token_cannot_act_for_a_seller() =>
        AssertUnauthorized(await _sandbox.GetAsync(Participations, await _sandbox.GrantlessTokenAsync(TestCatalog.NotificationsScope)), "refresh_token grant");

    [Test]
    public async Task The_403_body_is_exactly_amazons_shape()
    {
        var reply = await _sandbox.GetAsync(Participations, accessToken: null);
        var errors = reply.Json["errors"]!;
        Assert.That(errors.Count(), Is.EqualTo(1));
        Assert.That(((Newtonsoft.Json.Linq.JObject)errors[0]!).Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "code", "message", "details" }));
    }

    internal static void AssertUnauthorized(SandboxReply reply, string detailsContain)
    {
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Forbidden), reply.Text);
        Assert.That(reply.FirstError["code"]!.ToString(), Is.EqualTo("Unauthorized"));
        Assert.That(reply.FirstError["message"]!.ToString(), Is.EqualTo("Access to requested resource is denied."));
        Assert.That(reply.FirstError["details"]!.ToString(), Does.Contain(detailsContain));
    }
}
