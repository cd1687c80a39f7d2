using System.Net;
using SpApi.Sandbox.Matching;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Auth;

/// <summary>Restricted operations only answer to an RDT from the sandbox's own Tokens API that grants the method and path.</summary>
public class RestrictedDataTokenTests
{
    private SandboxHarness _sandbox = null!;
    private string _lwa = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sandbox = await SandboxHarness.StartAsync(o => o.EnforceUsagePlans = false);
        _lwa = await _sandbox.SellerTokenAsync();
    }

    [TearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    private const string Address = "/orders/v0/orders/TEST_CASE_200/address";

    [Test]
    public async Task A_restricted_operation_rejects_a_plain_lwa_token() =>
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.GetAsync(Address, _lwa), "restricted operation");

    [Test]
    public async Task A_restricted_operation_accepts_an_rdt_for_its_concrete_path()
    {
        var rdt = await _sandbox.RdtAsync(_lwa, new { method = "GET", path = Address });
        Assert.That(rdt, Does.StartWith("Atz.sprdt|"));
        var reply = await _sandbox.GetAsync(Address, rdt);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
        Assert.That(JsonSemantic.AreEqual(SandboxHarness.Case("ordersV0.json", "getOrderAddress", 1).ResponseBody, reply.Json), Is.True);
    }

    [Test]
    public async Task A_generic_path_rdt_covers_every_order()
    {
        var rdt = await _sandbox.RdtAsync(_lwa, new { method = "GET", path = "/orders/v0/orders/{orderId}/address" });
        Assert.That((await _sandbox.GetAsync(Address, rdt)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _sandbox.GetAsync("/orders/v0/orders/TEST_CASE_400/address", rdt)).Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task An_rdt_for_another_path_or_method_is_rejected()
    {
        var other = await _sandbox.RdtAsync(_lwa, new { method = "GET", path = "/orders/v0/orders/OTHER/address" });
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.GetAsync(Address, other), "does not grant GET " + Address);

        var order = await _sandbox.RdtAsync(_lwa, new { method = "GET", path = "/orders/v0/orders/{orderId}", dataElements = new[] { "buyerInfo" } });
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.GetAsync(Address, order), "does not grant");
    }

    [Test]
    public async Task An_rdt_does_not_open_unrestricted_operations()
    {
        var rdt = await _sandbox.RdtAsync(_lwa, new { method = "GET", path = Address });
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.GetAsync("/sellers/v1/marketplaceParticipations", rdt), "not restricted");
    }

    [Test]
    public async Task An_rdt_expires()
    {
        var rdt = await _sandbox.RdtAsync(_lwa, new { method = "GET", path = Address });
        _sandbox.Time.Advance(TimeSpan.FromHours(1));
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.GetAsync(Address, rdt), "expired");
    }

    [Test]
    public async Task Data_elements_are_required_for_getOrder_and_checked_against_what_it_takes()
    {
        var missing = await _sandbox.RequestRdtAsync(_lwa, new { method = "GET", path = "/orders/v0/orders/{orderId}" });
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(missing.FirstError["details"]!.ToString(), Does.Contain("dataElements are required for getOrder"));

        var wrong = await _sandbox.RequestRdtAsync(_lwa, new { method = "GET", path = Address, dataElements = new[] { "buyerInfo" } });
        Assert.That(wrong.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(wrong.FirstError["details"]!.ToString(), Does.Contain("getOrderAddress does not take dataElements"));

        var unknown = await _sandbox.RequestRdtAsync(_lwa, new { method = "GET", path = "/orders/v0/orders/1", dataElements = new[] { "creditCard" } });
        Assert.That(unknown.FirstError["details"]!.ToString(), Does.Contain("creditCard"));

        var ok = await _sandbox.RdtAsync(_lwa, new { method = "GET", path = "/orders/v0/orders/{orderId}", dataElements = new[] { "buyerInfo", "shippingAddress" } });
        Assert.That((await _sandbox.GetAsync("/orders/v0/orders/TEST_CASE_200", ok)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Report_documents_take_an_lwa_token_or_an_rdt_for_their_concrete_path()
    {
        var c = TestModels.Cases.FindOperation("reports_2021-06-30.json", "getReportDocument")!.Cases[0];
        var path = "/reports/2021-06-30/documents/" + c.FindParameter("reportDocumentId")!.Value;
        Assert.That((await _sandbox.GetAsync(path, _lwa)).Status, Is.EqualTo(HttpStatusCode.OK), "documents of ordinary reports need no RDT");

        var rdt = await _sandbox.RdtAsync(_lwa, new { method = "GET", path });
        Assert.That((await _sandbox.GetAsync(path, rdt)).Status, Is.EqualTo(HttpStatusCode.OK));

        var generic = await _sandbox.RequestRdtAsync(_lwa, new { method = "GET", path = "/reports/2021-06-30/documents/{reportDocumentId}" });
        Assert.That(generic.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(generic.FirstError["details"]!.ToString(), Does.Contain("needs the concrete path"));
    }

    [Test]
    public async Task Resources_that_are_not_restricted_operations_are_refused()
    {
        var notRestricted = await _sandbox.RequestRdtAsync(_lwa, new { method = "GET", path = "/sellers/v1/marketplaceParticipations" });
        Assert.That(notRestricted.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(notRestricted.FirstError["details"]!.ToString(), Does.Contain("not a restricted operation"));

        var unknown = await _sandbox.RequestRdtAsync(_lwa, new { method = "GET", path = "/nowhere/1" });
        Assert.That(unknown.FirstError["details"]!.ToString(), Does.Contain("is not an SP-API operation"));
    }

    [Test]
    public async Task An_rdt_cannot_be_requested_with_an_rdt_or_without_a_token()
    {
        var rdt = await _sandbox.RdtAsync(_lwa, new { method = "GET", path = Address });
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.RequestRdtAsync(rdt, new { method = "GET", path = Address }), "not restricted");
        AuthEnforcementTests.AssertUnauthorized(await _sandbox.RequestRdtAsync(null!, new { method = "GET", path = Address }), "missing");
    }

    [Test]
    public async Task The_tokens_api_static_cases_are_served_and_their_sample_token_then_works()
    {
        var c = SandboxHarness.Case("tokens_2021-03-01.json", "createRestrictedDataToken", 2);
        var reply = await _sandbox.SendAsync(HttpMethod.Post, "/tokens/2021-03-01/restrictedDataToken", _lwa, c.RequestBody);
        Assert.That(JsonSemantic.AreEqual(c.ResponseBody, reply.Json), Is.True, reply.Text);

        var sample = reply.Json.Value<string>("restrictedDataToken")!;
        Assert.That((await _sandbox.GetAsync("/orders/v0/orders/943-12-123434/address", sample)).Status, Is.Not.EqualTo(HttpStatusCode.Forbidden));

        var error = SandboxHarness.Case("tokens_2021-03-01.json", "createRestrictedDataToken", 3);
        var errorReply = await _sandbox.SendAsync(HttpMethod.Post, "/tokens/2021-03-01/restrictedDataToken", _lwa, error.RequestBody);
        Assert.That((int)errorReply.Status, Is.EqualTo(400));
        Assert.That(JsonSemantic.AreEqual(error.ResponseBody, errorReply.Json), Is.True, errorReply.Text);
    }
}
