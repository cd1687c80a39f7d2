using System.Text.Json;

namespace SpApi.Cli.Tests.Commands;

public class BenchRateLimitCommandTests
{
    [Test]
    public void The_verb_is_discovered_under_its_two_word_name()
    {
        Assert.That(CliApp.DiscoverCommands().Select(c => c.Name), Does.Contain("bench ratelimit"));
    }

    [Test]
    public async Task A_bad_option_value_is_a_usage_error()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["bench", "ratelimit", "--rate", "fast"], stdout, stderr);
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(stderr.ToString(), Does.Contain("--rate must be a number"));
    }

    /// <summary>A short real-time run (the benchmark measures real timers); only timing-independent facts are asserted.</summary>
    [Test, Category("Benchmark")]
    public async Task A_short_run_writes_the_report_with_the_issue_fields()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-ratelimit-{Guid.NewGuid():N}.json");
        try
        {
            var stdout = new StringWriter();
            await CliApp.RunAsync(["bench", "ratelimit", "--seconds", "1", "--callers", "10", "--single-seller", "--report", path], stdout, new StringWriter());

            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var root = report.RootElement;
            Assert.That(root.EnumerateObject().Select(p => p.Name).Take(5),
                Is.EqualTo(new[] { "theoreticalMax", "succeeded", "utilization", "wire429", "surfaced429" }));
            Assert.That(root.GetProperty("theoreticalMax").GetDouble(), Is.EqualTo(30));
            // Real timers: the count depends on the machine; only what cannot vary is asserted.
            Assert.That(root.GetProperty("succeeded").GetInt32(), Is.Positive);
            Assert.That(root.GetProperty("utilization").GetDouble(),
                Is.EqualTo(root.GetProperty("succeeded").GetInt32() / 30.0).Within(0.001));
            Assert.That(root.GetProperty("surfaced429").GetInt32(), Is.Zero);
            Assert.That(stdout.ToString(), Does.Contain("single seller:").And.Contain("report written to"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
