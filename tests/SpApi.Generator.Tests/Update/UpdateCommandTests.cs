using Newtonsoft.Json.Linq;
using SpApi.Generator.Models;
using SpApi.Generator.Update;

namespace SpApi.Generator.Tests.Update;

public class UpdateCommandTests
{
    private UpdateFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new UpdateFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task A_successful_update_reports_pins_syncs_and_runs_every_step()
    {
        var steps = new FakeSteps();

        var (exit, output, error) = await _fixture.RunAsync(steps);

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(steps.Calls, Is.EqualTo(new[] { "generate", "build", "smoke" }));
        Assert.That(steps.GeneratedFrom, Is.EquivalentTo(new[] { "orders-api-model/ordersTest.json", "tracking-api-model/trackingTest.json" }));
        var pinned = ModelLock.Load(_fixture.LockPath);
        Assert.That(pinned.Commit, Is.EqualTo(UpdateFixture.CommitB));
        Assert.That(pinned.Files.Select(f => f.Path), Is.EquivalentTo(steps.GeneratedFrom));
        Assert.That(File.ReadAllText(Path.Combine(_fixture.ModelsDir, "tracking-api-model/trackingTest.json")), Does.Contain("Test Tracking"));

        var report = JObject.Parse(File.ReadAllText(_fixture.ReportPath));
        Assert.That((report.Value<string>("from"), report.Value<string>("to")), Is.EqualTo((UpdateFixture.CommitA, UpdateFixture.CommitB)));
        Assert.That(report["changes"]!.Select(c => (c.Value<string>("kind"), c.Value<string>("operationId"))),
            Does.Contain(("operationRemoved", "createOrder")).And.Contain(("modelFileAdded", (string?)null)));
        Assert.That(report.Value<string>("suggestedBump"), Is.EqualTo("major"));
        Assert.That(File.Exists(Path.ChangeExtension(_fixture.ReportPath, ".md")));
        Assert.That(output, Does.Contain("update aaaaaaa -> bbbbbbb").And.Contain("smoke: passed").And.Contain(Path.ChangeExtension(_fixture.ReportPath, ".md")));
    }

    [TestCase("generate")]
    [TestCase("build")]
    [TestCase("smoke")]
    public async Task A_failing_step_restores_the_lock_file_and_the_synced_models_exactly(string failingStep)
    {
        var before = _fixture.ModelsState();

        var (exit, _, error) = await _fixture.RunAsync(new FakeSteps(failAt: failingStep));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(_fixture.ModelsState(), Is.EqualTo(before));
        Assert.That(error, Does.Contain($"update FAILED at step '{failingStep}': {failingStep} broke: error CS0246"));
        Assert.That(error, Does.Contain("restored").And.Contain("aaaaaaa"));
        Assert.That(File.Exists(_fixture.ReportPath), Is.True, "the report of the attempted change is kept for review");
    }

    [Test]
    public async Task Cancellation_during_the_build_also_restores_the_working_tree()
    {
        var before = _fixture.ModelsState();

        var (exit, _, error) = await _fixture.RunAsync(new FakeSteps(failAt: "build", failure: new OperationCanceledException()));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("FAILED at step 'build': cancelled"));
        Assert.That(_fixture.ModelsState(), Is.EqualTo(before));
    }

    [Test]
    public async Task Unreadable_new_models_stop_the_update_before_anything_changes()
    {
        UpdateFixture.WriteModel(_fixture.SnapshotB, "broken/bad.json", "{ \"swagger\": \"2.0\", ");
        var before = _fixture.ModelsState();
        var steps = new FakeSteps();

        var (exit, _, error) = await _fixture.RunAsync(steps);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("before changing anything").And.Contain("broken/bad.json: not valid JSON"));
        Assert.That(steps.Calls, Is.Empty);
        Assert.That(_fixture.ModelsState(), Is.EqualTo(before));
    }

    [Test]
    public async Task No_smoke_skips_the_smoke_run()
    {
        var steps = new FakeSteps();

        var (exit, _, _) = await _fixture.RunAsync(steps, "--no-smoke");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(steps.Calls, Is.EqualTo(new[] { "generate", "build" }));
    }

    [Test]
    public async Task Updating_to_the_pinned_commit_writes_an_empty_report_and_runs_nothing()
    {
        var steps = new FakeSteps();
        var output = new StringWriter();

        var exit = await UpdateCommand.RunAsync(["--repo", _fixture.Repo, "--from", Path.Combine(_fixture.SnapshotA, "models"), "--report", _fixture.ReportPath],
            steps, output, new StringWriter(), CancellationToken.None);

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(steps.Calls, Is.Empty);
        Assert.That(output.ToString(), Does.Contain("already pinned at aaaaaaa"));
        Assert.That(JObject.Parse(File.ReadAllText(_fixture.ReportPath))["changes"], Is.Empty);
    }

    [Test]
    public async Task Upstream_clones_the_latest_models_and_pins_their_commit()
    {
        var upstream = Path.Combine(_fixture.Root, "upstream");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_fixture.SnapshotB, "models"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(upstream, "models", Path.GetRelativePath(Path.Combine(_fixture.SnapshotB, "models"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        await Git(upstream, "init", "-q");
        await Git(upstream, "add", "-A");
        await Git(upstream, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "models");
        var head = (await Git(upstream, "rev-parse", "HEAD")).Trim();
        var steps = new FakeSteps();

        var exit = await UpdateCommand.RunAsync(["--repo", _fixture.Repo, "--upstream-url", upstream, "--report", _fixture.ReportPath],
            steps, new StringWriter(), new StringWriter(), CancellationToken.None);

        Assert.That(exit, Is.EqualTo(0));
        var pinned = ModelLock.Load(_fixture.LockPath);
        Assert.That((pinned.Commit, pinned.Upstream), Is.EqualTo((head, upstream)));
        Assert.That(pinned.CommitDate, Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
        Assert.That(steps.GeneratedFrom, Does.Contain("tracking-api-model/trackingTest.json"));
        Assert.That(JObject.Parse(File.ReadAllText(_fixture.ReportPath)).Value<string>("to"), Is.EqualTo(head));
    }

    [Test]
    public async Task Missing_from_is_a_usage_error()
    {
        var error = new StringWriter();

        var exit = await UpdateCommand.RunAsync(["--repo", _fixture.Repo], new FakeSteps(), new StringWriter(), error, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("pass either --from").And.Contain("usage: update (--from"));
    }

    private static async Task<string> Git(string directory, params string[] arguments)
    {
        var (exit, output) = await ProcessRunner.RunAsync("git", arguments, directory, CancellationToken.None);
        Assert.That(exit, Is.EqualTo(0), output);
        return output;
    }
}
