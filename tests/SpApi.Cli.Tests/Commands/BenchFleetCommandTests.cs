using System.Text.Json;

namespace SpApi.Cli.Tests.Commands;

public class BenchFleetCommandTests
{
    [Test]
    public void The_verb_is_discovered_and_its_worker_verb_too()
    {
        var names = CliApp.DiscoverCommands().Select(c => c.Name).ToList();
        Assert.That(names, Does.Contain("bench fleet").And.Contain("bench fleet-worker"));
    }

    [Test]
    public async Task A_bad_option_value_is_a_usage_error()
    {
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["bench", "fleet", "--workers", "many"], new StringWriter(), stderr);
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(stderr.ToString(), Does.Contain("--workers"));
    }

    /// <summary>
    /// A short real run: two worker processes on the embedded Garnet, then the baseline. Real timers, so only what cannot
    /// vary with the machine is asserted: the report's fields (exactly issue 14's), the figures it derives, one LWA
    /// request for the whole fleet.
    /// </summary>
    [Test, Category("Benchmark")]
    public async Task A_short_run_writes_the_report_with_exactly_the_issue_fields()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-fleet-{Guid.NewGuid():N}.json");
        try
        {
            var stdout = new StringWriter();
            var code = await CliApp.RunAsync(["bench", "fleet", "--workers", "2", "--callers", "3", "--seconds", "1", "--report", path],
                stdout, new StringWriter());

            Assert.That(code, Is.EqualTo(ExitCodes.Ok).Or.EqualTo(ExitCodes.Failed), "0 = goals met, 1 = missed; nothing else");
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var root = report.RootElement;
            Assert.That(root.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "workers", "theoreticalMax", "succeeded", "utilization", "wire429", "surfaced429", "lwaRequests", "baseline" }));
            Assert.That(root.GetProperty("baseline").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "succeeded", "wire429", "surfaced429" }));
            Assert.That(root.GetProperty("workers").GetInt32(), Is.EqualTo(2));
            // awd listInventory 2/s burst 2, scaled x10: burst 20 + 20/s x 1 s.
            Assert.That(root.GetProperty("theoreticalMax").GetDouble(), Is.EqualTo(40));
            var succeeded = root.GetProperty("succeeded").GetInt32();
            Assert.That(succeeded, Is.Positive);
            Assert.That(root.GetProperty("utilization").GetDouble(), Is.EqualTo(succeeded / 40.0).Within(0.0001));
            Assert.That(root.GetProperty("wire429").GetInt64(), Is.GreaterThanOrEqualTo(0));
            Assert.That(root.GetProperty("surfaced429").GetInt32(), Is.GreaterThanOrEqualTo(0));
            Assert.That(root.GetProperty("lwaRequests").GetInt64(), Is.EqualTo(1), "one LWA refresh for the whole fleet");
            var baseline = root.GetProperty("baseline");
            Assert.That(baseline.GetProperty("succeeded").GetInt32(), Is.Positive);
            Assert.That(baseline.GetProperty("surfaced429").GetInt32(), Is.LessThanOrEqualTo(baseline.GetProperty("wire429").GetInt64()),
                "a 429 reaches a caller only after one was sent on the wire");
            Assert.That(root.GetProperty("surfaced429").GetInt32(), Is.LessThanOrEqualTo(root.GetProperty("wire429").GetInt64()));
            Assert.That(stdout.ToString(), Does.Contain("shared (Redis):").And.Contain("baseline (per-process buckets):").And.Contain("report written to"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
