using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Faults;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Faults;

/// <summary>Injected faults hit exactly the configured requests of the configured operation.</summary>
public class FaultInjectionTests
{
    private const string Participations = "/sellers/v1/marketplaceParticipations";

    [Test]
    public async Task A_503_burst_hits_the_next_n_requests_then_normal_service_resumes()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o =>
        {
            o.EnforceUsagePlans = false;
            o.Faults.Add(new SandboxFaultRule("getMarketplaceParticipations", new SandboxFault(SandboxFaultKind.ServiceUnavailable, Count: 2) { RetryAfter = TimeSpan.FromSeconds(3) }));
        });
        var token = await sandbox.SellerTokenAsync();
        for (var i = 0; i < 2; i++)
        {
            var reply = await sandbox.GetAsync(Participations, token);
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(reply.FirstError["code"]!.ToString(), Is.EqualTo("ServiceUnavailable"));
            Assert.That(reply.Header("Retry-After"), Is.EqualTo("3"));
        }
        Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(sandbox.Server.Faults.Pending, Is.Zero);
    }

    [Test]
    public async Task A_500_fault_hits_only_its_operation()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceUsagePlans = false);
        sandbox.Server.Faults.Inject("sellers.json#getMarketplaceParticipations", new SandboxFault(SandboxFaultKind.InternalServerError));
        var token = await sandbox.SellerTokenAsync();
        Assert.That((await sandbox.GetAsync("/sellers/v1/account", token)).Status, Is.EqualTo(HttpStatusCode.OK));
        var reply = await sandbox.GetAsync(Participations, token);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(reply.FirstError["code"]!.ToString(), Is.EqualTo("InternalFailure"));
        Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Latency_delays_the_answer_on_the_sandbox_clock()
    {
        var time = new SignallingTimeProvider(DateTimeOffset.UnixEpoch);
        await using var sandbox = await SandboxHarness.StartAsync(o => { o.TimeProvider = time; o.EnforceUsagePlans = false; });
        var token = await sandbox.SellerTokenAsync();
        sandbox.Server.Faults.Inject("*", new SandboxFault(SandboxFaultKind.Latency) { Latency = TimeSpan.FromSeconds(30) });

        var pending = sandbox.GetAsync(Participations, token);
        await time.TimerCreated;
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.That(pending.IsCompleted, Is.False, "no answer before the latency has passed");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await pending).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Connection_reset_aborts_the_connection()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceUsagePlans = false);
        var token = await sandbox.SellerTokenAsync();
        sandbox.Server.Faults.Inject("getMarketplaceParticipations", new SandboxFault(SandboxFaultKind.ConnectionReset));
        Assert.ThrowsAsync<HttpRequestException>(() => sandbox.GetAsync(Participations, token));
        Assert.That((await sandbox.GetAsync(Participations, token)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Truncated_json_keeps_status_and_sends_a_prefix_of_the_real_body()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceUsagePlans = false);
        var token = await sandbox.SellerTokenAsync();
        var full = (await sandbox.GetAsync(Participations, token)).Text;
        sandbox.Server.Faults.Inject("getMarketplaceParticipations", new SandboxFault(SandboxFaultKind.TruncatedJson));
        var reply = await sandbox.GetAsync(Participations, token);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(full, Does.StartWith(reply.Text));
        Assert.That(reply.Text.Length, Is.LessThan(full.Length));
        Assert.Throws<JsonReaderException>(() => JToken.Parse(reply.Text));
    }

    [Test]
    public async Task Malformed_json_is_not_json()
    {
        await using var sandbox = await SandboxHarness.StartAsync(o => o.EnforceUsagePlans = false);
        var token = await sandbox.SellerTokenAsync();
        sandbox.Server.Faults.Inject("getMarketplaceParticipations", new SandboxFault(SandboxFaultKind.MalformedJson));
        var reply = await sandbox.GetAsync(Participations, token);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply.Header("Content-Type"), Does.StartWith("application/json"));
        Assert.Throws<JsonReaderException>(() => JToken.Parse(reply.Text));
    }

    [Test]
    public async Task Faults_come_after_auth_so_a_bad_token_still_gets_403()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        sandbox.Server.Faults.Inject("*", new SandboxFault(SandboxFaultKind.InternalServerError));
        Assert.That((await sandbox.GetAsync(Participations, "Atza|bad")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(sandbox.Server.Faults.Pending, Is.EqualTo(1));
    }

    [Test]
    public void Bad_fault_rules_are_refused_up_front()
    {
        var options = new SandboxOptions { Cases = TestModels.Cases };
        options.Faults.Add(new SandboxFaultRule("getOrders", new SandboxFault(SandboxFaultKind.Latency)));
        Assert.That(() => options.Validate(), Throws.ArgumentException.With.Message.Contains("Latency"));
        Assert.That(() => new SandboxFault(SandboxFaultKind.ServiceUnavailable, Count: 0).Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
