using Newtonsoft.Json.Linq;
using SpApi.Cli.Bench.ColdStart;

namespace SpApi.Cli.Tests.Bench;

public class ColdStartBenchmarkTests
{
    [Test]
    public void Report_TakesMediansAndTheRatioOfProcessTimes()
    {
        ColdStartRun Run(string mode, double process, double ready) => new(mode, process, ready, 5, 1, []);
        var report = ColdStartReport.From(
            [Run("spapi", 300, 50), Run("spapi", 100, 30), Run("spapi", 200, 40)],
            [Run("floor", 150, 10), Run("floor", 250, 20), Run("floor", 260, 35)]);

        Assert.That(report.SpApiProcessMs, Is.EqualTo(200));
        Assert.That(report.ReadyMs, Is.EqualTo(40));
        Assert.That(report.FloorProcessMs, Is.EqualTo(250));
        Assert.That(report.FloorReadyMs, Is.EqualTo(20));
        Assert.That(report.Ratio, Is.EqualTo(0.8));
        var json = JObject.Parse(report.ToJson());
        Assert.That(json["floor"]!.Value<double>("readyMs"), Is.EqualTo(20));
        Assert.That(json["floor"]!.Value<double>("firstCallMs"), Is.EqualTo(5));
        Assert.That(report.MeetsGoals, Is.True);
        Assert.That((report with { ReadyMs = 41 }).MeetsGoals, Is.False);
        Assert.That((report with { FloorProcessMs = 100 }).MeetsGoals, Is.False, "ratio 2.0");
    }

    [Test]
    public void Run_RefusesOutputThatIsNotTheAppsResult()
    {
        Assert.Throws<ColdStartException>(() => ColdStartRun.Parse("spapi", 1, ""));
        Assert.Throws<ColdStartException>(() => ColdStartRun.Parse("spapi", 1, "Unhandled exception"));
        Assert.Throws<ColdStartException>(() => ColdStartRun.Parse("floor", 1, """{"readyMs":1,"firstCallMs":2,"marketplaces":0}"""));
        var run = ColdStartRun.Parse("floor", 12.5, "noise\n" + """{"readyMs":1.5,"firstCallMs":2,"marketplaces":3,"loaded":["A"]}""");
        Assert.That((run.ProcessMs, run.ReadyMs, run.Marketplaces, run.Loaded.Single()), Is.EqualTo((12.5, 1.5, 3, "A")));
    }

    [Test]
    public void Command_WithoutTheApp_SaysWhereItLookedAndHowToBuildIt()
    {
        var error = new StringWriter();
        var code = CliApp.RunAsync(["bench", "coldstart", "--app", Path.Combine(Path.GetTempPath(), "no-such-coldstart-app")], new StringWriter(), error).GetAwaiter().GetResult();
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error.ToString(), Does.Contain("dotnet build build/SpApi.ColdStart"));
    }

    [Test]
    [Category("Slow")]
    public async Task Command_RunsBothAppsInFreshProcesses_AndWritesTheReport()
    {
        var report = Path.Combine(Path.GetTempPath(), $"coldstart-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        var code = await CliApp.RunAsync(["bench", "coldstart", "--runs", "1", "--report", report, "--app", AppDirectory()], output, new StringWriter());

        // Whether the goals are met depends on the machine; the run itself must succeed either way.
        Assert.That(code, Is.EqualTo(ExitCodes.Ok).Or.EqualTo(ExitCodes.Failed), output.ToString());
        var json = JObject.Parse(await File.ReadAllTextAsync(report));
        File.Delete(report);
        Assert.That(json.Value<int>("runs"), Is.EqualTo(1));
        var spapi = json["spapi"]!.Value<double>("processMs");
        var floor = json["floor"]!.Value<double>("processMs");
        Assert.That(spapi, Is.GreaterThan(json["spapi"]!.Value<double>("readyMs")));
        Assert.That(floor, Is.GreaterThan(json["floor"]!.Value<double>("readyMs")));
        Assert.That(json["floor"]!.Value<double>("readyMs"), Is.GreaterThan(0));
        Assert.That(json.Value<double>("ratio"), Is.EqualTo(spapi / floor).Within(0.01));
    }

    // The app is built beside this test project (ProjectReference) in the same configuration.
    internal static string AppDirectory() => ProjectOutput("build", "SpApi.ColdStart");

    /// <summary>The output folder of a project built beside this test project: <c>PROJECT/bin/&lt;Configuration&gt;/&lt;tfm&gt;</c>.</summary>
    internal static string ProjectOutput(params string[] projectDirectory)
    {
        var testDir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var configuration = testDir.Parent!.Name; // bin/<Configuration>/<tfm>
        var root = testDir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SpApi.Generated.sln"))) root = root.Parent;
        return Path.Combine([root!.FullName, .. projectDirectory, "bin", configuration, testDir.Name]);
    }
}
