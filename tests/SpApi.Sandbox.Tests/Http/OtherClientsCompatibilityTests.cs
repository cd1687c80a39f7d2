using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Matching;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Http;

/// <summary>
/// Requests as SP-API clients written by others send them (Amazon's SDKs post JSON to LWA, other user agents, the Host
/// of Amazon's sandbox hosts, query arrays either way, getOrders with a plain LWA token) all work against the sandbox.
/// Sent with a bare HttpClient, nothing from SpApi.Auth.
/// </summary>
public class OtherClientsCompatibilityTests
{
    private SandboxHarness _sandbox = null!;
    private static readonly SandboxCredential Seller = SandboxHarness.Seller1;

    [SetUp]
    public async Task StartAsync() => _sandbox = await SandboxHarness.StartAsync(o => o.EnforceUsagePlans = false);

    [TearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    [Test]
    public async Task Lwa_accepts_a_json_body_as_amazons_sdks_send_it()
    {
        var json = new JObject
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = Seller.RefreshToken,
            ["client_id"] = Seller.ClientId, ["client_secret"] = Seller.ClientSecret,
        };
        var (status, body) = await PostTokenAsync(new StringContent(json.ToString(), Encoding.UTF8, "application/json"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.Value<string>("access_token"), Does.StartWith("Atza|"));
        Assert.That((await _sandbox.GetAsync("/sellers/v1/marketplaceParticipations", body.Value<string>("access_token"))).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Lwa_accepts_a_json_body_with_http_basic_client_credentials_and_a_scope()
    {
        var json = new JObject { ["grant_type"] = "client_credentials", ["scope"] = TestCatalog.NotificationsScope };
        var (status, body) = await PostTokenAsync(new StringContent(json.ToString(), Encoding.UTF8, "application/json"), basic: true);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.Value<string>("scope"), Is.EqualTo(TestCatalog.NotificationsScope));
    }

    [TestCase("{ not json", "application/json", "not a JSON object")]
    [TestCase("[1,2]", "application/json; charset=utf-8", "not a JSON object")]
    [TestCase("""{ "grant_type": { "nested": 1 } }""", "application/json", "grant_type must be a string")]
    [TestCase("grant_type=refresh_token", "text/plain", "application/x-www-form-urlencoded or application/json")]
    public async Task Lwa_refuses_bodies_it_cannot_read_with_invalid_request(string text, string contentType, string description)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var (status, body) = await PostTokenAsync(content);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.Value<string>("error"), Is.EqualTo("invalid_request"));
        Assert.That(body.Value<string>("error_description"), Does.Contain(description));
    }

    [Test]
    public async Task A_json_lwa_body_with_a_wrong_secret_gets_invalid_client()
    {
        var json = new JObject { ["grant_type"] = "refresh_token", ["refresh_token"] = Seller.RefreshToken, ["client_id"] = Seller.ClientId, ["client_secret"] = "nope" };
        var (status, body) = await PostTokenAsync(new StringContent(json.ToString(), Encoding.UTF8, "application/json"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(body.Value<string>("error"), Is.EqualTo("invalid_client"));
    }

    [TestCase("sandbox.sellingpartnerapi-na.amazon.com")]
    [TestCase("sandbox.sellingpartnerapi-eu.amazon.com")]
    [TestCase("sandbox.sellingpartnerapi-fe.amazon.com")]
    public async Task The_host_header_of_amazons_sandbox_hosts_is_served(string host)
    {
        var token = await _sandbox.SellerTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sellers/v1/marketplaceParticipations");
        request.Headers.Host = host;
        request.Headers.Add("x-amz-access-token", token);
        var reply = await SandboxReply.ReadAsync(await _sandbox.Http.SendAsync(request));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
    }

    [TestCase("python-requests/2.31.0")]
    [TestCase("amazon-sp-api/1.0 (Language=Python/3.12)")]
    [TestCase("x-amz-sp-api-sdk/1.0 (Language=Java/17.0.2; Platform=Linux)")]
    [TestCase("")]
    public async Task Any_user_agent_or_none_is_served(string userAgent)
    {
        var token = await _sandbox.SellerTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sellers/v1/marketplaceParticipations");
        if (userAgent.Length > 0) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.Add("x-amz-access-token", token);
        var reply = await SandboxReply.ReadAsync(await _sandbox.Http.SendAsync(request));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
    }

    [TestCase("MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=TEST_CASE_200")]
    [TestCase("CreatedAfter=TEST_CASE_200&MarketplaceIds=ATVPDKIKX0DER")]
    public async Task GetOrders_answers_a_plain_lwa_token_as_amazon_does(string query)
    {
        var reply = await _sandbox.GetAsync("/orders/v0/orders?" + query, await _sandbox.SellerTokenAsync());
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
        Assert.That(JsonSemantic.AreEqual(SandboxHarness.Case("ordersV0.json", "getOrders", 1).ResponseBody, reply.Json), Is.True,
            "the case's answer, unchanged (see docs/sandbox-fidelity.md)");
    }

    [Test]
    public async Task GetOrder_answers_a_plain_lwa_token_and_pii_only_operations_still_need_an_rdt()
    {
        var token = await _sandbox.SellerTokenAsync();
        Assert.That((await _sandbox.GetAsync("/orders/v0/orders/TEST_CASE_200", token)).Status, Is.EqualTo(HttpStatusCode.OK));
        Auth.AuthEnforcementTests.AssertUnauthorized(await _sandbox.GetAsync("/orders/v0/orders/TEST_CASE_200/address", token), "restricted operation");
    }

    [Test]
    public async Task Query_arrays_may_be_comma_joined_or_repeated_for_every_array_parameter()
    {
        var token = await _sandbox.SellerTokenAsync();
        var search = SandboxHarness.Case("catalogItems_2022-04-01.json", "searchCatalogItems", 1);
        var included = search.FindParameter("includedData")!.Value.Values<string>().ToArray();
        Assert.That(included, Has.Length.GreaterThan(1), "the case must list several values to tell the forms apart");
        var comma = await _sandbox.GetAsync($"/catalog/2022-04-01/items?keywords=samsung,tv&marketplaceIds=ATVPDKIKX0DER&includedData={string.Join(",", included)}", token);
        var repeated = await _sandbox.GetAsync("/catalog/2022-04-01/items?keywords=samsung&keywords=tv&marketplaceIds=ATVPDKIKX0DER&"
            + string.Join("&", included.Select(v => "includedData=" + v)), token);
        var encodedComma = await _sandbox.GetAsync($"/catalog/2022-04-01/items?keywords=samsung%2Ctv&marketplaceIds=ATVPDKIKX0DER&includedData={string.Join("%2C", included)}", token);
        Assert.That(comma.Status, Is.EqualTo(HttpStatusCode.OK), comma.Text);
        Assert.That(repeated.Status, Is.EqualTo(HttpStatusCode.OK), repeated.Text);
        Assert.That(encodedComma.Status, Is.EqualTo(HttpStatusCode.OK), encodedComma.Text);
        Assert.That(JsonSemantic.AreEqual(comma.Json, repeated.Json), Is.True);
    }

    private async Task<(HttpStatusCode Status, JObject Body)> PostTokenAsync(HttpContent content, bool basic = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/o2/token") { Content = content };
        if (basic)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Seller.ClientId}:{Seller.ClientSecret}")));
        using var response = await _sandbox.Http.SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }
}
