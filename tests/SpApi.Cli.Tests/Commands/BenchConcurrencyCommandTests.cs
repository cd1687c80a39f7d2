using System.Text.Json;
using SpApi.Cli.Tests.Support;

namespace SpApi.Cli.Tests.Commands;

public class BenchConcurrencyCommandTests
{
    [Test]
    public void The_verb_is_discovered_under_its_two_word_name()
    {
        Assert.That(CliApp.DiscoverCommands().Select(c => c.Name), Does.Contain("bench concurrency"));
    }

    [TestCase(new[] { "--sellers", "many" }, "--sellers must be a whole number")]
    [TestCase(new[] { "--sellers", "0" }, "--sellers must be a whole number from 1")]
    [TestCase(new[] { "--sellers", "5", "--calls", "4" }, "--calls (4) must be at least --sellers (5)")]
    [TestCase(new[] { "--seller", "5" }, "unknown option(s): --seller")]
    public async Task Bad_options_are_usage_errors_naming_the_option(string[] options, string message)
    {
        var (exit, _, error) = await CliRun.RunAsync(["bench", "concurrency", .. options]);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain(message).And.Contain("--report FILE"));
    }

    [Test]
    public async Task A_small_run_meets_the_goals_prints_the_table_and_writes_exactly_the_report_fields()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-concurrency-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, error) = await CliRun.RunAsync("bench", "concurrency", "--sellers", "5", "--calls", "200", "--report", path);

            Assert.That(exit, Is.EqualTo(ExitCodes.Ok), output + error);
            Assert.That(output, Does.Contain("crossSellerMixups").And.Contain("goals (lwaRequests = sellers, crossSellerMixups = 0, failures = 0): met"));
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var root = report.RootElement;
            Assert.That(root.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "calls", "sellers", "failures", "lwaRequests", "rdtRequests", "crossSellerMixups" }));
            Assert.That(root.EnumerateObject().Select(p => p.Value.GetInt64()), Is.EqualTo(new long[] { 200, 5, 0, 5, 5, 0 }));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
