using System.Net;
using SpApi.Sandbox.Faults;
using SpApi.Sandbox.Stats;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Stats;

/// <summary><c>GET /_sandbox/stats</c> counts grants, RDTs, requests per operation and seller, 429s and faults.</summary>
public class StatsEndpointTests
{
    [Test]
    public async Task Stats_count_what_happened()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var seller1 = await sandbox.SellerTokenAsync(SandboxHarness.Seller1);
        var seller2 = await sandbox.SellerTokenAsync(SandboxHarness.Seller2);
        var grantless = await sandbox.GrantlessTokenAsync(TestCatalog.NotificationsScope);
        var rdt = await sandbox.RdtAsync(seller1, new { method = "GET", path = "/orders/v0/orders/{orderId}/address" });

        await sandbox.GetAsync("/orders/v0/orders/TEST_CASE_200/address", rdt);
        for (var i = 0; i < 4; i++) await sandbox.GetAsync("/sellers/v1/marketplaceParticipations", seller2); // burst 3: one 429
        await sandbox.GetAsync("/notifications/v1/destinations", grantless);
        await sandbox.GetAsync("/sellers/v1/account", "Atza|nope");
        sandbox.Server.Faults.Inject("getAccount", new SandboxFault(SandboxFaultKind.ServiceUnavailable));
        await sandbox.GetAsync("/sellers/v1/account", seller1);

        var reply = await sandbox.GetAsync("/_sandbox/stats", accessToken: null);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        var stats = SandboxStatsSnapshot.FromJson(reply.Text);
        Assert.Multiple(() =>
        {
            Assert.That(stats.TokenGrants, Is.EquivalentTo(new Dictionary<string, long> { ["refresh_token"] = 2, ["client_credentials"] = 1, ["authorization_code"] = 0 }));
            Assert.That(stats.TokenGrantsBySeller, Is.EquivalentTo(new Dictionary<string, long> { ["A1SELLERONE"] = 1, ["A2SELLERTWO"] = 1 }));
            Assert.That(stats.RdtIssued, Is.EqualTo(1));
            Assert.That(stats.Requests, Is.EqualTo(9), "1 RDT + 1 address + 4 participations + 1 destinations + 2 account");
            Assert.That(stats.RequestsByOperation["sellers.json#getMarketplaceParticipations"], Is.EqualTo(4));
            Assert.That(stats.RequestsByOperation["tokens_2021-03-01.json#createRestrictedDataToken"], Is.EqualTo(1));
            Assert.That(stats.RequestsBySeller["A1SELLERONE"], Is.EqualTo(3));
            Assert.That(stats.RequestsBySeller["A2SELLERTWO"], Is.EqualTo(4));
            Assert.That(stats.RequestsBySeller[SandboxStats.GrantlessSeller], Is.EqualTo(1));
            Assert.That(stats.RequestsBySeller[SandboxStats.UnauthenticatedSeller], Is.EqualTo(1));
            Assert.That(stats.Throttled, Is.EqualTo(1));
            Assert.That(stats.Faults, Is.EqualTo(1));
            Assert.That(stats.FaultsByKind["ServiceUnavailable"], Is.EqualTo(1));
            Assert.That(stats.Unauthorized, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Stats_json_uses_the_documented_names()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var json = (await sandbox.GetAsync("/_sandbox/stats", accessToken: null)).Json;
        Assert.That((long)json["tokenGrants"]!["refresh_token"]!, Is.Zero);
        foreach (var name in new[] { "tokenGrantsBySeller", "rdtIssued", "requests", "requestsByOperation", "requestsBySeller", "throttled", "faults" })
            Assert.That(json[name], Is.Not.Null, name);
    }
}
