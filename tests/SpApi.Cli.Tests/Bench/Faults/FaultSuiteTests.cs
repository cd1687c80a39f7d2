using System.Text.Json;
using SpApi.Cli.Bench.Faults;
using SpApi.Cli.Bench.Faults.Models;
using SpApi.Cli.Tests.Support;

namespace SpApi.Cli.Tests.Bench.Faults;

/// <summary>
/// Keeps every hostile-server probe running: all scenarios of <c>spapi bench faults</c> run once (about 30 s); a
/// regression names the scenario and its findings. Servers bind 127.0.0.1 port 0.
/// </summary>
[Parallelizable(ParallelScope.None)]
public class FaultSuiteTests
{
    private HostileServer _server = null!;
    private HostileServer _elsewhere = null!;

    // One server pair for every scenario (each scenario resets what they answer and what they saw).
    [OneTimeSetUp]
    public async Task StartServers()
    {
        _server = await HostileServer.StartAsync(CancellationToken.None);
        _elsewhere = await HostileServer.StartAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        await _server.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Test]
    public async Task Every_scenario_survives_with_memory_under_256_MB()
    {
        // The hostile-model scenarios start the generator once each (a minute or two in all): HostileModelScenarioTests runs some, the bench all.
        var scenarios = FaultScenarios.All.Except(HostileModelFaults.All).ToArray();
        var (report, results) = await FaultSuite.RunAsync(scenarios, _server, _elsewhere, CancellationToken.None);

        var failed = results.Where(r => !r.Survived).Select(r => $"{r.Name}: {string.Join("; ", r.Findings.Notes)}").ToArray();
        Assert.That(failed, Is.Empty);
        Assert.That(report.Scenarios, Is.EqualTo(scenarios.Length));
        Assert.That(report.Survived, Is.EqualTo(report.Scenarios));
        Assert.That(report.Failed, Is.False);
        Assert.That(report.PeakManagedMb, Is.LessThan(256), "answers of 200 MB are streamed and capped, never held");
    }

    [Test]
    public void Scenario_names_are_unique_and_cover_the_seven_findings()
    {
        var names = FaultScenarios.All.Select(s => s.Name).ToArray();
        Assert.That(names, Is.Unique);
        foreach (var prefix in new[] { "ratelimit-header-1eminus7-bucket-refilling", "redirect-302-", "redirect-307-", "path-getOrder-dot-refused",
                     "path-uploads-resource-", "token-lwa-crlf", "token-cache-planted-", "spapi-200mb-error-", "lwa-200mb-", "invalid-grant-",
                     "lwa-shape-array", "spapi-reset-mid-body-", "options-maxwait-60-days", "path-and-query-fuzz-every-generated-method",
                     "model-path-quote", "model-operationId-keyword-", "model-definition-lf", "model-docs-comment-close", "model-status-code-" })
            Assert.That(names.Any(n => n.StartsWith(prefix, StringComparison.Ordinal)), prefix);
    }

    [Test]
    public async Task A_scenario_that_leaks_a_token_or_throws_is_counted_and_fails_the_run()
    {
        FaultScenario[] broken =
        [
            new("leaks", async run =>
            {
                run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, "{}"));
                using var http = new HttpClient();
                using var request = new HttpRequestMessage(HttpMethod.Get, run.Elsewhere.BaseAddress);
                request.Headers.Add("x-amz-access-token", FaultRun.AccessToken);
                (await http.SendAsync(request)).Dispose();
                run.CheckNoLeaks();
            }),
            new("throws", _ => throw new InvalidOperationException("boom")),
            new("untyped", run => run.TypedOutcomeAsync("call", () => throw new IOException("reset"))),
        ];

        var (report, results) = await FaultSuite.RunAsync(broken, _server, _elsewhere, CancellationToken.None);

        Assert.That(report.Scenarios, Is.EqualTo(3));
        Assert.That(report.Survived, Is.Zero);
        Assert.That(report.TokenLeaks, Is.EqualTo(1));
        Assert.That(report.Crashes, Is.EqualTo(1));
        Assert.That(report.UntypedErrors, Is.EqualTo(1));
        Assert.That(report.Failed, Is.True);
        Assert.That(results.Single(r => r.Name == "throws").Findings.Notes.Single(), Does.Contain("boom"));
    }

    [Test]
    public async Task Bench_faults_writes_exactly_the_report_fields_and_exits_zero_when_clean()
    {
        var file = Path.Combine(Path.GetTempPath(), $"spapi-faults-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, error) = await CliRun.RunAsync("bench", "faults", "--only", "redirect-302-to-other-origin", "--report", file);

            Assert.That(exit, Is.Zero, output + error);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            {
                "scenarios", "survived", "crashes", "tokenLeaks", "wrongOperation", "duplicatedWrites", "untypedErrors", "injectedModels", "peakManagedMb",
            }));
            Assert.That(json.RootElement.GetProperty("scenarios").GetInt32(), Is.EqualTo(1));
            Assert.That(json.RootElement.GetProperty("survived").GetInt32(), Is.EqualTo(1));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Bench_faults_refuses_a_filter_matching_nothing()
    {
        var (exit, _, error) = await CliRun.RunAsync("bench", "faults", "--only", "no-such-scenario");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("no-such-scenario"));
    }
}
