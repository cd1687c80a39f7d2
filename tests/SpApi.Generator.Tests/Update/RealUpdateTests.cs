using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Newtonsoft.Json.Linq;
using SpApi.Generator.Models;
using SpApi.Generator.Update;

namespace SpApi.Generator.Tests.Update;

/// <summary>
/// The whole update, for real, in a temporary copy of this repository (tracked and new files, with a
/// <c>shared</c> link beside it): pinned at the 2026-06-04 models, updated to 2026-08-05, regenerated and compiled.
/// Takes a few minutes (a clean build of generator, runtime and clients).
/// </summary>
[Category("Slow")]
[NonParallelizable]
public class RealUpdateTests
{
    private string _temp = null!;
    private string _repo = null!;

    [OneTimeSetUp]
    public async Task CopyRepository()
    {
        var newer = RepoPaths.Pinned;
        _temp = Directory.CreateTempSubdirectory("spapi-update-e2e-").FullName;
        _repo = Path.Combine(_temp, "repo");
        Directory.CreateSymbolicLink(Path.Combine(_temp, "shared"), Path.GetFullPath(Path.Combine(newer, "..", "..")));

        var (exit, listing) = await ProcessRunner.RunAsync("git", ["ls-files", "-co", "--exclude-standard", "-z"], RepoPaths.Root, CancellationToken.None);
        Assert.That(exit, Is.EqualTo(0), listing);
        foreach (var relative in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()))
        {
            var source = Path.Combine(RepoPaths.Root, relative);
            if (!File.Exists(source)) continue; // deleted in the working tree
            var target = Path.Combine(_repo, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        // Start from the older models, as a project pinned two months ago would.
        ModelLock.FromSnapshot(RepoPaths.Older).Save(Path.Combine(_repo, "models", ModelLock.FileName));
        new ModelSync(_repo).Sync();
    }

    [OneTimeTearDown]
    public void DeleteCopy()
    {
        if (_temp is not null && Directory.Exists(_temp)) Directory.Delete(_temp, recursive: true);
    }

    [Test, Order(1)]
    public async Task Models_that_fail_to_generate_leave_the_copy_exactly_as_it_was()
    {
        // The newer models plus a second ordersV0.json: both map to namespace SpApi.Orders.V0, which generation refuses.
        var bad = Path.Combine(_temp, "bad-snapshot");
        CopyDirectory(RepoPaths.Pinned, bad);
        Directory.CreateDirectory(Path.Combine(bad, "models", "orders-api-model", "copy"));
        File.Copy(Path.Combine(bad, "models", "orders-api-model", "ordersV0.json"), Path.Combine(bad, "models", "orders-api-model", "copy", "ordersV0.json"));
        var before = UpdateFixture.State(Path.Combine(_repo, "models"));

        var (exit, output, error) = await Update(bad, Path.Combine(_temp, "bad-report.json"));

        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(error, Does.Contain("FAILED at step 'generate'").And.Contain("same namespace"));
        Assert.That(UpdateFixture.State(Path.Combine(_repo, "models")), Is.EqualTo(before));
        Assert.That(ModelLock.Load(Path.Combine(_repo, "models", ModelLock.FileName)).Commit, Does.StartWith("6ad2ee1"));
    }

    [Test, Order(2)]
    public async Task Updating_to_the_newer_models_reports_the_changes_and_compiles_the_new_clients()
    {
        var started = DateTime.UtcNow;
        var reportPath = Path.Combine(_temp, "report", "api-changes.json");

        var (exit, output, error) = await Update(RepoPaths.Pinned, reportPath);

        Assert.That(exit, Is.EqualTo(0), $"{output}\n{error}");
        Assert.That(output, Does.Contain("generate: 66 clients, 370 operations").And.Contain("build: ").And.Contain("smoke: "));
        if (DotnetUpdateSteps.SmokeVerb(_repo) is not null)
            Assert.That(output, Does.Match(@"smoke: spapi smoke: local: \d+ cases, \d+ passed, 0 failed"), "the smoke run passes on the new models");

        var report = JObject.Parse(await File.ReadAllTextAsync(reportPath));
        Assert.That(report.Value<string>("from"), Is.EqualTo("6ad2ee14835a9aa31889ae5607ea4e1fcc90f3ad"));
        Assert.That(report.Value<string>("to"), Is.EqualTo("34dc93fe45f37c9a0b2e56823c808f68b4f81754"));
        var changes = report["changes"]!.Select(c => (Kind: c.Value<string>("kind"), File: c.Value<string>("modelFile"), Op: c.Value<string>("operationId"), Detail: c.Value<string>("detail"))).ToList();
        Assert.That(changes, Does.Contain(("modelFileAdded", "tracking-api-model/tracking_2026-01-30.json", (string?)null, "new API The Selling Partner API for tracking services provided by Amazon. 2026-01-30 with 1 operation")));
        Assert.That(changes.Where(c => c.Kind == "operationAdded").Select(c => c.Op), Does.Contain("getShipmentTracking").And.Contain("listPayouts"));
        Assert.That(changes.Where(c => c.Kind == "propertyAdded").Select(c => c.Detail), Does.Contain("Offer.promotions: added, optional Promotions (response)"));
        Assert.That(changes.Where(c => c.Kind == "enumValueAdded").Select(c => c.Detail), Has.Some.Contains("SHIPMENT_TRACKING_MILESTONE_CHANGED"));
        Assert.That(File.ReadAllText(Path.ChangeExtension(reportPath, ".md")), Does.Contain("## tracking-api-model/tracking_2026-01-30.json"));

        var pinned = ModelLock.Load(Path.Combine(_repo, "models", ModelLock.FileName));
        Assert.That((pinned.Commit, pinned.CommitDate, pinned.Files.Count), Is.EqualTo(("34dc93fe45f37c9a0b2e56823c808f68b4f81754", "2026-08-05", 66)));
        Assert.That(File.Exists(Path.Combine(_repo, "models", "tracking-api-model", "tracking_2026-01-30.json")));

        var assembly = Path.Combine(_repo, "src", "SpApi.Clients", "bin", "Release", "net10.0", "SpApi.Clients.dll");
        Assert.That(File.GetLastWriteTimeUtc(assembly), Is.GreaterThan(started), "the clients were compiled by this update");
        Assert.That(Namespaces(assembly), Has.Some.StartsWith("SpApi.Tracking.").And.Some.StartsWith("SpApi.FulfillmentOutbound.V2026_07_04"));
    }

    private async Task<(int Exit, string Out, string Error)> Update(string from, string report)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await UpdateCommand.RunAsync(["--repo", _repo, "--from", from, "--report", report], steps: null, output, error, timeout.Token);
        TestContext.Out.WriteLine(output);
        TestContext.Out.WriteLine(error);
        return (exit, output.ToString(), error.ToString());
    }

    private static IReadOnlyList<string> Namespaces(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Namespace)).Distinct().ToList();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

}
