using SpApi.Generator.Models;

namespace SpApi.Generator.Tests.Models;

public class ModelSyncTests
{
    private string _root = null!;
    private string _source = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "spapi-sync-" + Guid.NewGuid().ToString("N"));
        _source = Path.Combine(_root, "snapshot");
        Directory.CreateDirectory(Path.Combine(_source, "models", "a-model"));
        File.WriteAllText(Path.Combine(_source, "models", "a-model", "a.json"), """{"swagger":"2.0"}""");
        File.WriteAllText(Path.Combine(_source, "UPSTREAM_COMMIT"), "0123456789abcdef0123456789abcdef01234567\n");
        Directory.CreateDirectory(Path.Combine(_root, "repo", "models"));
        ModelLock.FromSnapshot(_source).Save(Path.Combine(_root, "repo", "models", ModelLock.FileName));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private ModelSync Sync() => new(Path.Combine(_root, "repo"));

    [Test]
    public void Syncs_and_verifies_then_detects_an_edited_copy()
    {
        var lockFile = Sync().Sync(_source);
        Assert.That(lockFile.Commit, Does.StartWith("0123456"));
        var copy = Path.Combine(_root, "repo", "models", "a-model", "a.json");
        Assert.That(File.ReadAllText(copy), Is.EqualTo("""{"swagger":"2.0"}"""));

        File.WriteAllText(copy, """{"swagger":"2.0","edited":true}""");
        Assert.That(() => Sync().Verify(lockFile), Throws.TypeOf<GeneratorException>().With.Message.Contains("a-model/a.json").And.Message.Contains("sha256"));
        Sync().Sync(_source);
        Assert.That(File.ReadAllText(copy), Is.EqualTo("""{"swagger":"2.0"}"""), "a re-sync restores the pinned file");
    }

    [Test]
    public void A_source_with_a_different_file_stops_with_the_file_name()
    {
        File.WriteAllText(Path.Combine(_source, "models", "a-model", "a.json"), """{"swagger":"2.0","changed":1}""");
        Assert.That(() => Sync().Sync(_source), Throws.TypeOf<GeneratorException>()
            .With.Message.Contains("a-model/a.json").And.Message.Contains("pins"));
    }

    [Test]
    public void A_source_missing_a_file_stops_with_the_file_name()
    {
        File.Delete(Path.Combine(_source, "models", "a-model", "a.json"));
        Assert.That(() => Sync().Sync(_source), Throws.TypeOf<GeneratorException>().With.Message.Contains("a-model/a.json").And.Message.Contains("missing"));
    }

    [Test]
    public void No_lock_file_is_a_clear_error()
    {
        File.Delete(Path.Combine(_root, "repo", "models", ModelLock.FileName));
        Assert.That(() => Sync().Sync(_source), Throws.TypeOf<GeneratorException>().With.Message.Contains("lock"));
    }
}
