using System.Net;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Matching;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Http;

/// <summary>The sandbox answers a request with the static case it matches, and says what did not match otherwise.</summary>
public class CaseMatchingTests
{
    private SandboxHarness _sandbox = null!;
    private string _token = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sandbox = await SandboxHarness.StartAsync(o => o.EnforceUsagePlans = false);
        _token = await _sandbox.SellerTokenAsync();
    }

    [TearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    [Test]
    public async Task A_matching_request_gets_the_case_response_and_status()
    {
        var expected = SandboxHarness.Case("sellers.json", "getMarketplaceParticipations", 1);
        var reply = await _sandbox.GetAsync("/sellers/v1/marketplaceParticipations", _token);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonSemantic.FindDifference(expected.ResponseBody, reply.Json), Is.Null);
        Assert.That(reply.Header("x-amzn-RequestId"), Is.Not.Empty);
        Assert.That(reply.Header("Content-Type"), Does.StartWith("application/json"));
    }

    [Test]
    public async Task Csv_arrays_match_comma_joined_or_repeated()
    {
        var expected = SandboxHarness.Case("ordersV0.json", "getOrders", 1).ResponseBody;
        var joined = await _sandbox.GetAsync("/orders/v0/orders?CreatedAfter=TEST_CASE_200&MarketplaceIds=ATVPDKIKX0DER", await Rdt("/orders/v0/orders"));
        Assert.That(joined.Status, Is.EqualTo(HttpStatusCode.OK), joined.Text);
        Assert.That(JsonSemantic.AreEqual(expected, joined.Json), Is.True);

        var search = SandboxHarness.Case("catalogItems_2022-04-01.json", "searchCatalogItems", 1);
        var included = string.Join(",", search.FindParameter("includedData")!.Value.Values<string>());
        var commaJoined = await _sandbox.GetAsync($"/catalog/2022-04-01/items?keywords=samsung,tv&marketplaceIds=ATVPDKIKX0DER&includedData={included}", _token);
        var repeated = await _sandbox.GetAsync($"/catalog/2022-04-01/items?keywords=samsung&keywords=tv&marketplaceIds=ATVPDKIKX0DER&includedData={included}", _token);
        Assert.That(commaJoined.Status, Is.EqualTo(HttpStatusCode.OK), commaJoined.Text);
        Assert.That(repeated.Status, Is.EqualTo(HttpStatusCode.OK), repeated.Text);
    }

    [Test]
    public async Task The_most_specific_matching_case_wins()
    {
        var rdt = await Rdt("/orders/v0/orders");
        var withToken = await _sandbox.GetAsync("/orders/v0/orders?CreatedAfter=TEST_CASE_200_NEXT_TOKEN&MarketplaceIds=ATVPDKIKX0DER&NextToken=2YgYW55IGNhcm5hbCBwbGVhc3VyZS4", rdt);
        var withoutToken = await _sandbox.GetAsync("/orders/v0/orders?CreatedAfter=TEST_CASE_200_NEXT_TOKEN&MarketplaceIds=ATVPDKIKX0DER", rdt);
        Assert.That(JsonSemantic.AreEqual(SandboxHarness.Case("ordersV0.json", "getOrders", 3).ResponseBody, withToken.Json), Is.True);
        Assert.That(JsonSemantic.AreEqual(SandboxHarness.Case("ordersV0.json", "getOrders", 2).ResponseBody, withoutToken.Json), Is.True);
    }

    [Test]
    public async Task Bodies_match_semantically_and_pick_the_error_case()
    {
        // updateShipmentStatus: case 1 (204) takes any request, case 2 (400) names a body.
        var body = JObject.Parse("""{ "shipmentStatus": "ReadyForPickup", "marketplaceId": "1" }""");
        var error = await _sandbox.SendAsync(HttpMethod.Post, "/orders/v0/orders/123/shipment", _token, body);
        Assert.That(error.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.FirstError["message"]!.ToString(), Is.EqualTo("Marketplace ID is not defined"));

        var other = await _sandbox.SendAsync(HttpMethod.Post, "/orders/v0/orders/123/shipment", _token, JObject.Parse("""{ "marketplaceId": "ATVPDKIKX0DER", "shipmentStatus": "PickedUp" }"""));
        Assert.That(other.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(other.Text, Is.Empty);
    }

    [Test]
    public async Task Date_time_query_values_match_as_instants()
    {
        var c = TestModels.Cases.Cases.First(c => c.Parameters.Any(p => p.Definition.Format == "date-time"
            && JsonSemantic.TryParseDateTime(p.Value.ToString(), out _) && p.Value.ToString().EndsWith('Z')) && c.RequestBody is null);
        var query = string.Join("&", c.Parameters.Where(p => p.Location == ParameterLocation.Query).Select(p =>
        {
            var value = p.Definition.Format == "date-time" && JsonSemantic.TryParseDateTime(p.Value.ToString(), out var instant)
                ? instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz")
                : p.Value is JArray a ? string.Join(",", a.Values<string>()) : p.Value.ToString();
            return $"{p.Name}={Uri.EscapeDataString(value)}";
        }));
        var path = c.Parameters.Where(p => p.Location == ParameterLocation.Path)
            .Aggregate(c.PathTemplate, (t, p) => t.Replace("{" + p.Name + "}", Uri.EscapeDataString(p.Value.ToString())));
        var reply = await _sandbox.SendAsync(new HttpMethod(c.Method), $"{path}?{query}", _token);
        Assert.That((int)reply.Status, Is.EqualTo(c.ExpectedStatus), $"{c.Id}: {reply.Text}");
    }

    [Test]
    public async Task An_unmatched_request_gets_amazons_400_with_the_sandboxs_explanation_beside_it()
    {
        var reply = await _sandbox.GetAsync("/orders/v0/orders?CreatedAfter=TEST_CASE_200&MarketplaceIds=X1,X2", await Rdt("/orders/v0/orders"));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = reply.FirstError;
        Assert.That(error["code"]!.ToString(), Is.EqualTo("InvalidInput"));
        Assert.That(error["message"]!.ToString(), Is.EqualTo("Could not match input arguments"), "Amazon's sandbox wording");
        Assert.That(error["details"]!.ToString(), Is.Empty);
        const string why = "Could not match: MarketplaceIds (query): expected [\"ATVPDKIKX0DER\"], got [\"X1\", \"X2\"] (closest: case #1, HTTP 200).";
        Assert.That(error["sandboxExplanation"]!.ToString(), Does.Contain("getOrders (ordersV0.json)").And.EndWith(why));
        Assert.That(reply.Header("x-spapi-sandbox-explanation"), Does.EndWith(why));

        var missing = await _sandbox.GetAsync("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER", await Rdt("/orders/v0/orders"));
        Assert.That(Explanation(missing), Does.Contain("CreatedAfter (query): expected \"TEST_CASE_200\", got nothing"));
    }

    private static string Explanation(SandboxReply reply) => reply.FirstError["sandboxExplanation"]!.ToString();

    [Test]
    public async Task An_unmatched_body_is_reported_with_the_first_differing_json_path()
    {
        var c = SandboxHarness.Case("ordersV0.json", "updateVerificationStatus", 1);
        var body = (JObject)c.RequestBody!.DeepClone();
        body["regulatedOrderVerificationStatus"]!["status"] = "Nope";
        var reply = await _sandbox.SendAsync(HttpMethod.Patch, "/orders/v0/orders/902-3159896-1390916/regulatedInfo", _token, body);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Explanation(reply), Does.Contain("body $.regulatedOrderVerificationStatus.status: expected \"Rejected\", got \"Nope\""));
    }

    [Test]
    public async Task Extra_body_properties_are_ignored_and_the_case_with_more_body_values_wins()
    {
        // updateVerificationStatus: case 3 (400) names only the status, case 1 (204) adds reviewer and reason.
        var full = (JObject)SandboxHarness.Case("ordersV0.json", "updateVerificationStatus", 1).RequestBody!.DeepClone();
        full["regulatedOrderVerificationStatus"]!["addedByATypedClient"] = true;
        var reply = await _sandbox.SendAsync(HttpMethod.Patch, "/orders/v0/orders/902-3159896-1390916/regulatedInfo", _token, full);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.NoContent), reply.Text);

        var statusOnly = JObject.Parse("""{ "regulatedOrderVerificationStatus": { "status": "Rejected" } }""");
        var error = await _sandbox.SendAsync(HttpMethod.Patch, "/orders/v0/orders/902-3159896-1390916/regulatedInfo", _token, statusOnly);
        Assert.That(error.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.FirstError["message"]!.ToString(), Is.EqualTo("Missing request parameter: rejectionReasonId."));
    }

    [Test]
    public async Task A_case_can_be_forced_by_number_when_cases_are_ambiguous()
    {
        // sellers getAccount: the 200 and the 400 case list the same (no) parameters; the first is served.
        var first = await _sandbox.GetAsync("/sellers/v1/account", _token);
        var forced = await _sandbox.SendAsync(HttpMethod.Get, "/sellers/v1/account", _token, headers: [("x-spapi-sandbox-case", "2")]);
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(forced.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(forced.FirstError["message"]!.ToString(), Is.EqualTo("Invalid Input"));
    }

    [Test]
    public async Task Invalid_json_and_unknown_paths_get_clear_errors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders/v0/orders/1/shipment")
        {
            Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-amz-access-token", _token);
        var badJson = await SandboxReply.ReadAsync(await _sandbox.Http.SendAsync(request));
        Assert.That(badJson.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(badJson.FirstError["details"]!.ToString(), Does.StartWith("The request body is not valid JSON"));

        var unknown = await _sandbox.GetAsync("/nothing/here", _token);
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.FirstError["code"]!.ToString(), Is.EqualTo("ResourceNotFound"));
        Assert.That(unknown.FirstError["message"]!.ToString(), Is.EqualTo("Cannot find resource by the given URI"));
        Assert.That(unknown.FirstError["details"]!.ToString(), Is.Empty);
        Assert.That(Explanation(unknown), Does.Contain("/nothing/here"));
        Assert.That(unknown.Header("x-spapi-sandbox-explanation"), Does.Contain("/nothing/here"));

        var wrongMethod = await _sandbox.SendAsync(HttpMethod.Delete, "/orders/v0/orders", _token);
        Assert.That(wrongMethod.Status, Is.EqualTo(HttpStatusCode.NotFound), "SP-API routes by method and path");
        Assert.That(Explanation(wrongMethod), Does.Contain("DELETE is not allowed on /orders/v0/orders"));
    }

    private async Task<string> Rdt(string path) =>
        await _sandbox.RdtAsync(_token, new { method = "GET", path, dataElements = new[] { "buyerInfo" } });
}
