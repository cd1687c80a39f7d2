using SpApi.Generator.Update;

namespace SpApi.Generator.Tests.Update;

public class WorkingTreeBackupTests
{
    [Test]
    public void Restore_undoes_edits_additions_and_deletions()
    {
        var root = Directory.CreateTempSubdirectory("spapi-backup-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "a", "empty"));
            File.WriteAllText(Path.Combine(root, "lock.json"), "old lock");
            File.WriteAllText(Path.Combine(root, "a", "one.json"), "one");
            File.WriteAllText(Path.Combine(root, "a", "two.json"), "two");
            var before = UpdateFixture.State(root);
            var backup = WorkingTreeBackup.Capture(root);

            File.WriteAllText(Path.Combine(root, "lock.json"), "new lock");
            File.Delete(Path.Combine(root, "a", "two.json"));
            Directory.Delete(Path.Combine(root, "a", "empty"));
            Directory.CreateDirectory(Path.Combine(root, "b", "c"));
            File.WriteAllText(Path.Combine(root, "b", "c", "new.json"), "new");
            Assert.That(UpdateFixture.State(root), Is.Not.EqualTo(before));

            backup.Restore();

            Assert.That(UpdateFixture.State(root), Is.EqualTo(before));
            Assert.That(backup.FileCount, Is.EqualTo(3));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
