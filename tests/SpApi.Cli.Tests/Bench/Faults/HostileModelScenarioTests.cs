using System.Text.Json;
using SpApi.Cli.Bench.Faults.Models;
using SpApi.Cli.Tests.Support;

namespace SpApi.Cli.Tests.Bench.Faults;

/// <summary>
/// Hostile-model scenarios end to end: the real generator in its own process (a few seconds per model), found in the
/// repository's build as <c>dotnet run --project src/SpApi.Cli</c> finds it. The full set runs in <c>spapi bench faults</c>.
/// </summary>
[Parallelizable(ParallelScope.None)]
public class HostileModelScenarioTests
{
    [Test]
    public async Task The_quote_in_path_model_is_refused_and_a_u2028_in_descriptions_generates_harmless_code()
    {
        Assert.That(GeneratorLocation.Find(null, out var why), Is.Not.Null, why);
        var file = Path.Combine(Path.GetTempPath(), $"spapi-faults-{Guid.NewGuid():N}.json");
        try
        {
            // model-path-quote is refused (naming the file and JSON path); model-docs-u2028 is generated and checked with Roslyn.
            foreach (var only in new[] { "model-path-quote", "model-docs-u2028" })
            {
                var (exit, output, error) = await CliRun.RunAsync("bench", "faults", "--only", only, "--verbose", "--report", file);

                Assert.That(exit, Is.Zero, output + error);
                Assert.That(output, Does.Contain("ok   " + only));
                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
                Assert.That(json.RootElement.GetProperty("survived").GetInt32(), Is.EqualTo(1), output);
                Assert.That(json.RootElement.GetProperty("injectedModels").GetInt32(), Is.Zero);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Without_a_generator_the_scenarios_say_skipped_and_do_not_count_as_survived()
    {
        var file = Path.Combine(Path.GetTempPath(), $"spapi-faults-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, error) = await CliRun.RunAsync("bench", "faults", "--only", "model-path-quote", "--report", file,
                "--generator", Path.Combine(Path.GetTempPath(), "no-such-generator", "SpApi.Generator.dll"));

            Assert.That(exit, Is.Zero, output + error);
            Assert.That(output, Does.Contain("SKIP model-path-quote: skipped: generator not found").And.Contain("1 skipped"));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            Assert.That(json.RootElement.GetProperty("scenarios").GetInt32(), Is.EqualTo(1));
            Assert.That(json.RootElement.GetProperty("survived").GetInt32(), Is.Zero);
            Assert.That(json.RootElement.GetProperty("injectedModels").GetInt32(), Is.Zero);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
