using System.Net;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Faults;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Faults;

public class SandboxFaultSpecTests
{
    [TestCase("getOrders:503:3", "getOrders", SandboxFaultKind.ServiceUnavailable, 3)]
    [TestCase("ordersV0.json#getOrder:reset", "ordersV0.json#getOrder", SandboxFaultKind.ConnectionReset, 1)]
    [TestCase("*:truncated", "*", SandboxFaultKind.TruncatedJson, 1)]
    [TestCase("getOrders:MalformedJson:2", "getOrders", SandboxFaultKind.MalformedJson, 2)]
    public void Parses_the_short_form(string text, string operation, SandboxFaultKind kind, int count)
    {
        var rule = SandboxFaultSpec.Parse(text);
        Assert.That(rule.Operation, Is.EqualTo(operation));
        Assert.That(rule.Fault.Kind, Is.EqualTo(kind));
        Assert.That(rule.Fault.Count, Is.EqualTo(count));
    }

    [Test]
    public void Milliseconds_are_latency_or_retry_after()
    {
        Assert.That(SandboxFaultSpec.Parse("*:latency:1:2500").Fault.Latency, Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
        Assert.That(SandboxFaultSpec.Parse("*:latency").Fault.Latency, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(SandboxFaultSpec.Parse("getOrders:503:1:3000").Fault.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [TestCase("getOrders", "is not OPERATION:KIND")]
    [TestCase("getOrders:teapot", "unknown kind 'teapot'")]
    [TestCase("getOrders:503:0", "count must be a positive whole number")]
    [TestCase(":503", "is not OPERATION:KIND")]
    public void Bad_specs_say_what_is_wrong(string text, string message) =>
        Assert.That(() => SandboxFaultSpec.Parse(text), Throws.InstanceOf<FormatException>().With.Message.Contains(message));

    [Test]
    public async Task Faults_can_be_scripted_over_http()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceUsagePlans = false);
        var added = await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/faults", null, new JObject { ["fault"] = "getMarketplaceParticipations:500:2" });
        Assert.That(added.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((int)added.Json["pending"]!, Is.EqualTo(2));

        var token = await sandbox.SellerTokenAsync();
        Assert.That((await sandbox.GetAsync("/sellers/v1/marketplaceParticipations", token)).Status, Is.EqualTo(HttpStatusCode.InternalServerError));

        var cleared = await sandbox.SendAsync(HttpMethod.Delete, "/_sandbox/faults", null);
        Assert.That((int)cleared.Json["pending"]!, Is.Zero);
        Assert.That((await sandbox.GetAsync("/sellers/v1/marketplaceParticipations", token)).Status, Is.EqualTo(HttpStatusCode.OK));

        var bad = await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/faults", null, new JObject { ["fault"] = "x:nope" });
        Assert.That(bad.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(bad.FirstError["details"]!.ToString(), Does.Contain("unknown kind 'nope'"));
    }
}
