using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Cases;

/// <summary>The models embedded in SpApi.Sandbox (what the packages and the spapi tool serve without a clone).</summary>
public class PinnedModelsTests
{
    [Test]
    public void Embedded_models_are_the_pinned_ones()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "models", "models.lock.json"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "the repository's models/models.lock.json");
        var lockFile = JObject.Parse(File.ReadAllText(Path.Combine(dir!.FullName, "models", "models.lock.json")));
        Assert.That(PinnedModels.Commit, Is.EqualTo(lockFile.Value<string>("commit")));
        Assert.That(PinnedModels.CommitDate, Is.EqualTo(lockFile.Value<string>("commitDate")));
    }

    [Test]
    public void Embedded_catalog_has_every_operation_and_case_of_the_repository_models()
    {
        var pinned = SandboxCaseCatalog.LoadPinned();
        var fromDisk = TestModels.Cases;
        Assert.That(pinned.Operations.Select(o => o.Key), Is.EquivalentTo(fromDisk.Operations.Select(o => o.Key)));
        Assert.That(pinned.Cases.Select(c => c.Id), Is.EquivalentTo(fromDisk.Cases.Select(c => c.Id)));
        Assert.That(pinned.ModelsDirectory, Does.Contain(PinnedModels.Commit[..7]));
    }
}
