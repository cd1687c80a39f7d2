using Newtonsoft.Json.Linq;
using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

[NonParallelizable] // swaps Console.Out/Error
public class DiffCommandTests
{
    private string _dir = null!;
    private StringWriter _out = null!;
    private StringWriter _error = null!;
    private TextWriter _originalOut = null!;
    private TextWriter _originalError = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("spapi-diff-").FullName;
        var removed = DiffFixture.Model();
        ((JObject)removed["paths"]!).Remove("/orders/v1/orders");
        WriteSnapshot("old", "aaaaaaa1", DiffFixture.Model());
        WriteSnapshot("new", "bbbbbbb2", removed);
        (_originalOut, _originalError) = (Console.Out, Console.Error);
        Console.SetOut(_out = new StringWriter());
        Console.SetError(_error = new StringWriter());
    }

    [TearDown]
    public void TearDown()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task Writes_both_reports_and_prints_the_summary()
    {
        var exit = await DiffCommand.RunAsync(["--old", Dir("old"), "--new", Dir("new"), "--report", Dir("out/report.md")], CancellationToken.None);

        Assert.That(exit, Is.EqualTo(0), _error.ToString());
        var json = JObject.Parse(await File.ReadAllTextAsync(Dir("out/report.json")));
        Assert.That((json.Value<string>("from"), json.Value<string>("to")), Is.EqualTo(("aaaaaaa1", "bbbbbbb2")));
        Assert.That(json["changes"]!.Select(c => c.Value<string>("kind")), Does.Contain("operationRemoved"));
        Assert.That(await File.ReadAllTextAsync(Dir("out/report.md")), Does.Contain("**Breaking**"));
        Assert.That(_out.ToString(), Does.Contain("1 breaking").And.Contain(Dir("out/report.md")));
    }

    [Test]
    public async Task Without_a_report_path_prints_markdown()
    {
        var exit = await DiffCommand.RunAsync([Dir("old"), Dir("new")], CancellationToken.None);

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(_out.ToString(), Does.StartWith("# API change report").And.Contain("operationRemoved"));
    }

    [Test]
    public async Task Fail_on_breaking_exits_3_when_something_breaks()
    {
        Assert.That(await DiffCommand.RunAsync([Dir("old"), Dir("new"), "--fail-on-breaking"], CancellationToken.None), Is.EqualTo(3));
        Assert.That(await DiffCommand.RunAsync([Dir("new"), Dir("old"), "--fail-on-breaking"], CancellationToken.None), Is.EqualTo(0));
    }

    [Test]
    public async Task Usage_and_model_errors_are_reported_with_distinct_exit_codes()
    {
        Assert.That(await DiffCommand.RunAsync(["--old", Dir("old"), "--bogus", "x"], CancellationToken.None), Is.EqualTo(2));
        Assert.That(_error.ToString(), Does.Contain("unknown option '--bogus'"));
        Assert.That(await DiffCommand.RunAsync(["--old", Dir("old")], CancellationToken.None), Is.EqualTo(2));
        Assert.That(_error.ToString(), Does.Contain("--new is required"));
        Assert.That(await DiffCommand.RunAsync([Dir("old"), Dir("missing")], CancellationToken.None), Is.EqualTo(1));
        Assert.That(_error.ToString(), Does.Contain("does not exist"));
    }

    private string Dir(string relative) => Path.Combine(_dir, relative);

    private void WriteSnapshot(string name, string commit, JObject model)
    {
        var models = Path.Combine(_dir, name, "models", "orders-api-model");
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(_dir, name, "UPSTREAM_COMMIT"), commit + "\n");
        File.WriteAllText(Path.Combine(models, "ordersTest.json"), model.ToString());
    }
}
