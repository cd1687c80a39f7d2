using System.Net;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Auth;

/// <summary><see cref="SandboxOptions.WithoutRestrictedRoles"/>: the Tokens API refuses RDTs as Amazon does; LWA-served operations keep working.</summary>
public class WithoutRestrictedRolesTests
{
    private SandboxHarness _sandbox = null!;
    private string _lwa = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sandbox = await SandboxHarness.StartAsync(o => { o.EnforceUsagePlans = false; o.WithoutRestrictedRoles = true; });
        _lwa = await _sandbox.SellerTokenAsync();
    }

    [TearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    [Test]
    public async Task An_rdt_with_data_elements_is_refused_naming_them()
    {
        var reply = await _sandbox.RequestRdtAsync(_lwa, new { method = "GET", path = "/orders/v0/orders", dataElements = new[] { "buyerInfo", "shippingAddress" } });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.FirstError["code"]!.ToString(), Is.EqualTo("InvalidInput"));
        Assert.That(reply.FirstError["message"]!.ToString(), Is.EqualTo("Application does not have access to one or more requested data elements: [buyerInfo, shippingAddress]"));
        Assert.That(reply.FirstError["details"]!.ToString(), Is.Empty);
        Assert.That(reply.FirstError["sandboxExplanation"]!.ToString(), Does.Contain("without restricted roles"));
        Assert.That(_sandbox.Server.Stats.Snapshot().RdtIssued, Is.Zero);
    }

    [Test]
    public async Task An_rdt_without_data_elements_is_refused_for_the_resource()
    {
        var reply = await _sandbox.RequestRdtAsync(_lwa, new { method = "GET", path = "/orders/v0/orders/{orderId}/address" });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.FirstError["message"]!.ToString(), Is.EqualTo("Application do not have access to some or all requested resource"));
    }

    [Test]
    public async Task Invalid_resources_are_still_reported_as_invalid_first()
    {
        var reply = await _sandbox.RequestRdtAsync(_lwa, new { method = "GET", path = "/sellers/v1/marketplaceParticipations" });
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.FirstError["details"]!.ToString(), Does.Contain("not a restricted operation"));
    }

    [Test]
    public async Task The_tokens_apis_successful_static_case_is_refused_too()
    {
        var c = SandboxHarness.Case("tokens_2021-03-01.json", "createRestrictedDataToken", 1);
        Assert.That(c.ExpectedStatus, Is.EqualTo(200));
        var reply = await _sandbox.SendAsync(HttpMethod.Post, "/tokens/2021-03-01/restrictedDataToken", _lwa, c.RequestBody);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest), reply.Text);
        Assert.That(reply.FirstError["message"]!.ToString(), Does.StartWith("Application do"));
    }

    [Test]
    public async Task Operations_amazon_also_serves_to_an_lwa_token_keep_working()
    {
        Assert.That((await _sandbox.GetAsync("/orders/v0/orders?CreatedAfter=TEST_CASE_200&MarketplaceIds=ATVPDKIKX0DER", _lwa)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _sandbox.GetAsync("/orders/v0/orders/TEST_CASE_200", _lwa)).Status, Is.EqualTo(HttpStatusCode.OK));
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.GetAsync("/orders/v0/orders/TEST_CASE_200/address", _lwa), "restricted operation");
    }
}
