using System.Text.Json;

namespace SpApi.Cli.Tests.Commands;

public class BenchOverheadCommandTests
{
    private static readonly string[] CaseFields = ["name", "floorNs", "pipelineNs", "ratio", "floorBytes", "pipelineBytes", "allocRatio"];

    [Test]
    public async Task Report_HasExactlyTheDocumentedShape_WithPositiveValues()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spapi-bench-{Guid.NewGuid():N}", "overhead.json");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await CliApp.RunAsync(["bench", "overhead", "--report", path, "--seconds", "0", "--iterations", "2"], stdout, stderr);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), stderr.ToString());
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.That(doc.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "cases" }));
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        Assert.That(cases, Has.Length.EqualTo(2));
        foreach (var c in cases)
        {
            Assert.That(c.EnumerateObject().Select(p => p.Name), Is.EqualTo(CaseFields));
            Assert.That(c.GetProperty("name").GetString(), Does.EndWith("/in-memory"));
            foreach (var field in CaseFields.Skip(1))
                Assert.That(c.GetProperty(field).GetDouble(), Is.GreaterThan(0), field);
        }
        Assert.That(stdout.ToString(), Does.Contain("getOrders/in-memory").And.Contain("pipeline:").And.Contain(path));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [TestCase("--seconds", "-1", "--seconds")]
    [TestCase("--iterations", "0", "--iterations")]
    [TestCase("--secs", "1", "--secs")]
    public async Task BadOption_IsAUsageErrorNamingIt(string option, string value, string named)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await CliApp.RunAsync(["bench", "overhead", option, value], stdout, stderr);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(stderr.ToString(), Does.Contain(named));
    }
}
