using System.Net;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Auth;

/// <summary>Grantless operations only accept a client_credentials token with the operation's scope.</summary>
public class GrantlessTests
{
    private SandboxHarness _sandbox = null!;

    [SetUp]
    public async Task StartAsync() => _sandbox = await SandboxHarness.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    private const string Destinations = "/notifications/v1/destinations";

    [Test]
    public async Task A_client_credentials_token_with_the_scope_is_accepted()
    {
        var reply = await _sandbox.GetAsync(Destinations, await _sandbox.GrantlessTokenAsync(TestCatalog.NotificationsScope));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
    }

    [Test]
    public async Task A_sellers_token_is_rejected() =>
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.GetAsync(Destinations, await _sandbox.SellerTokenAsync()),
            "client_credentials grant with scope " + TestCatalog.NotificationsScope);

    [Test]
    public async Task A_grantless_token_with_another_scope_is_rejected() =>
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.GetAsync(Destinations, await _sandbox.GrantlessTokenAsync("sellingpartnerapi::client_credential:rotation")),
            "lacks scope " + TestCatalog.NotificationsScope);
}
