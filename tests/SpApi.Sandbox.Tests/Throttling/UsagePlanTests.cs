using System.Net;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Throttling;

/// <summary>Usage plans per (seller, operation): burst, then 429 QuotaExceeded until the fake clock refills the bucket.</summary>
public class UsagePlanTests
{
    private const string Participations = "/sellers/v1/marketplaceParticipations"; // plan in TestCatalog: 2/s, burst 3

    [Test]
    public async Task The_burst_passes_then_429_quota_exceeded_then_refill_at_the_rate()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var token = await sandbox.SellerTokenAsync();
        for (var i = 0; i < 3; i++)
        {
            var ok = await sandbox.GetAsync(Participations, token);
            Assert.That(ok.Status, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1} of the burst");
            Assert.That(ok.Header("x-amzn-RateLimit-Limit"), Is.EqualTo("2"));
        }

        var throttled = await sandbox.GetAsync(Participations, token);
        Assert.That(throttled.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(throttled.FirstError["code"]!.ToString(), Is.EqualTo("QuotaExceeded"));
        Assert.That(throttled.FirstError["message"]!.ToString(), Is.EqualTo("You exceeded your quota for the requested resource."));
        Assert.That(throttled.Header("x-amzn-RateLimit-Limit"), Is.EqualTo("2"));
        Assert.That(throttled.Header("x-amzn-RequestId"), Is.Not.Empty);

        sandbox.Time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "not yet refilled");
        sandbox.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.OK), "one request refilled after 1/rate");
        Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));

        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 3; i++)
            Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.OK), "the bucket refills to the burst, no further");
        Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(sandbox.Server.Stats.Snapshot().Throttled, Is.EqualTo(4));
    }

    [Test]
    public async Task Buckets_are_per_seller_and_per_operation()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var seller1 = await sandbox.SellerTokenAsync(SandboxHarness.Seller1);
        var seller2 = await sandbox.SellerTokenAsync(SandboxHarness.Seller2);
        for (var i = 0; i < 3; i++) await sandbox.GetAsync(Participations, seller1);
        Assert.That((await sandbox.GetAsync(Participations, seller1)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((await sandbox.GetAsync(Participations, seller2)).Status, Is.EqualTo(HttpStatusCode.OK), "another seller has its own bucket");
        Assert.That((await sandbox.GetAsync("/sellers/v1/account", seller1)).Status, Is.EqualTo(HttpStatusCode.OK), "an operation without a plan in the catalog is not limited");
        Assert.That((await sandbox.GetAsync("/sellers/v1/account", seller1)).Header("x-amzn-RateLimit-Limit"), Is.Null);
    }

    [Test]
    public async Task The_rate_scale_multiplies_rate_and_burst()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.RateScale = 10);
        var token = await sandbox.SellerTokenAsync();
        for (var i = 0; i < 30; i++)
        {
            var reply = await sandbox.GetAsync(Participations, token);
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}");
            Assert.That(reply.Header("x-amzn-RateLimit-Limit"), Is.EqualTo("20"));
        }
        Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        sandbox.Time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Usage_plans_can_be_switched_off()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceUsagePlans = false);
        var token = await sandbox.SellerTokenAsync();
        for (var i = 0; i < 10; i++)
            Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
