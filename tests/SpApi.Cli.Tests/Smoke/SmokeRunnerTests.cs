using Newtonsoft.Json.Linq;
using SpApi.Cli.Smoke;
using SpApi.Cli.Tests.Support;
using SpApi.Runtime;
using SpApi.Sandbox;
using SpApi.Sandbox.Stats;

namespace SpApi.Cli.Tests.Smoke;

public class SmokeRunnerTests
{
    [Test]
    public async Task A_run_reuses_one_lwa_refresh_grant_per_seller_and_gets_rdts_for_restricted_operations()
    {
        await using var session = await SmokeSession.StartAsync(new SmokeSessionOptions { Cases = SmokeModels.Cases }, CancellationToken.None);
        var cases = SmokeRunner.Select(SmokeModels.Cases, "Orders");
        var report = await SmokeRunner.RunAsync(session, cases, null, CancellationToken.None);

        Assert.That(report.Failed, Is.Zero, string.Join("\n", report.Cases.Where(c => c.Outcome == SmokeOutcome.Failed).Select(c => c.Id + ": " + c.Error)));
        Assert.That(report.Passed, Is.EqualTo(cases.Count));
        var stats = report.ServerStats!;
        Assert.That(stats.TokenGrants["refresh_token"], Is.EqualTo(1), "one LWA grant for the one seller, not one per call");
        Assert.That(stats.TokenGrantsBySeller, Is.EquivalentTo(new Dictionary<string, long> { [SandboxCredential.Default.SellerId] = 1 }));
        Assert.That(stats.RdtIssued, Is.GreaterThan(0));
        Assert.That(stats.Unauthorized, Is.Zero);
        Assert.That(stats.Requests, Is.EqualTo(cases.Count + stats.RdtIssued), "each case once, plus one Tokens API call per RDT");
    }

    [Test]
    public async Task Restricted_cases_pass_only_because_an_rdt_was_obtained()
    {
        await using var session = await SmokeSession.StartAsync(new SmokeSessionOptions { Cases = SmokeModels.Cases }, CancellationToken.None);
        var server = session.Server!;

        // The same call with a plain LWA token (no Tokens API) is refused: getOrderAddress exists only for personal data.
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var lwa = await LwaTokenAsync(http);
        using var plain = new HttpClient(new StaticTokenHandler(lwa) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = server.BaseAddress };
        var orders = new SpApi.Orders.V0.OrdersClient(plain);
        var refused = Assert.CatchAsync<SpApiException>(() => orders.GetOrderAddressAsync("TEST_CASE_200"));
        Assert.That(refused!.StatusCode, Is.EqualTo(403));
        Assert.That(refused.ErrorCode, Is.EqualTo("Unauthorized"));
        Assert.That((await orders.GetOrderAsync("TEST_CASE_200")).Payload, Is.Not.Null, "getOrder answers the LWA token, as on Amazon");

        var c = SmokeModels.Cases.FindOperation("ordersV0.json", "getOrderAddress")!.Cases[0];
        var before = server.Stats.Snapshot().RdtIssued;
        var result = await session.RunCaseAsync(c, CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(SmokeOutcome.Passed), result.Error);
        Assert.That(server.Stats.Snapshot().RdtIssued, Is.EqualTo(before + 1));
    }

    [Test]
    public async Task Without_restricted_roles_getOrders_passes_and_cases_needing_pii_are_skipped_with_the_reason()
    {
        await using var session = await SmokeSession.StartAsync(new SmokeSessionOptions { Cases = SmokeModels.Cases, WithoutRestrictedRoles = true }, CancellationToken.None);
        var cases = SmokeRunner.Select(SmokeModels.Cases, "ordersV0.json");
        var report = await SmokeRunner.RunAsync(session, cases, null, CancellationToken.None);

        Assert.That(report.Failed, Is.Zero, string.Join("\n", report.Cases.Where(c => c.Outcome == SmokeOutcome.Failed).Select(c => c.Id + ": " + c.Error)));
        var byOperation = report.Cases.ToLookup(c => c.OperationId);
        foreach (var op in new[] { "getOrders", "getOrder", "getOrderItems", "confirmShipment" })
            Assert.That(byOperation[op].Select(c => c.Outcome), Is.Not.Empty.And.All.EqualTo(SmokeOutcome.Passed), op);
        var address = byOperation["getOrderAddress"].ToArray();
        Assert.That(address.Select(c => c.Outcome), Is.Not.Empty.And.All.EqualTo(SmokeOutcome.Skipped));
        Assert.That(address[0].Error, Does.StartWith("skipped: needs personal data").And.Contain("ordersV0.json#getOrderAddress")
            .And.Contain("Direct-to-Consumer Delivery (Restricted)"));
        Assert.That(report.ServerStats!.RdtIssued, Is.Zero);
    }

    [Test]
    public void Selecting_an_unknown_api_is_a_usage_error() =>
        Assert.That(() => SmokeRunner.Select(SmokeModels.Cases, "NoSuchApi"), Throws.InstanceOf<CliUsageException>().With.Message.Contains("NoSuchApi"));

    [TestCase("Orders")]
    [TestCase("orders.v0")]
    [TestCase("ordersV0.json")]
    public void Apis_are_selected_by_name_version_or_model_file(string api) =>
        Assert.That(SmokeRunner.Select(SmokeModels.Cases, api).Select(c => c.ModelFile), Has.Some.EqualTo("ordersV0.json"));

    [Test]
    public void The_report_has_exactly_the_documented_shape()
    {
        var stats = new SandboxStatsSnapshot(new Dictionary<string, long> { ["refresh_token"] = 1, ["client_credentials"] = 2, ["authorization_code"] = 0 },
            new Dictionary<string, long>(), 3, 10, new Dictionary<string, long>(), new Dictionary<string, long>(), 1, 0, new Dictionary<string, long>(), 0, 0);
        var report = new SmokeReport("local",
        [
            new SmokeCaseResult("ordersV0.json", "getOrder", 1, "Orders V0", 200, SmokeOutcome.Passed, null, []),
            new SmokeCaseResult("ordersV0.json", "getOrder", 2, "Orders V0", 400, SmokeOutcome.Failed, "boom", ["note"]),
        ], stats, TimeSpan.FromSeconds(1));
        var json = report.ToJson();
        Assert.That(json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "target", "total", "passed", "failed", "skipped", "cases", "serverStats" }));
        Assert.That(((JObject)json["cases"]![1]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "modelFile", "operationId", "case", "expectedStatus", "outcome", "error" }));
        Assert.That((string)json["cases"]![1]!["outcome"]!, Is.EqualTo("failed"));
        Assert.That(json["serverStats"]!.ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"tokenGrants":{"refresh_token":1,"client_credentials":2,"authorization_code":0},"rdtIssued":3,"requests":10,"throttled":1}"""));
        Assert.That(((int)json["total"]!, (int)json["passed"]!, (int)json["failed"]!, (int)json["skipped"]!), Is.EqualTo((2, 1, 1, 0)));
    }

    private static async Task<string> LwaTokenAsync(HttpClient http)
    {
        var seller = SandboxCredential.Default;
        using var response = await http.PostAsync("/auth/o2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = seller.RefreshToken, ["client_id"] = seller.ClientId, ["client_secret"] = seller.ClientSecret,
        }));
        return JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("access_token")!;
    }

    private sealed class StaticTokenHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("x-amz-access-token", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
