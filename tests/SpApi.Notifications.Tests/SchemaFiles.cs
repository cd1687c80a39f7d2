using Newtonsoft.Json.Linq;
using SpApi.Schemas;

namespace SpApi.Notifications.Tests;

/// <summary>The repository's synced, pinned <c>schemas/</c> folder and its notification examples.</summary>
internal static class SchemaFiles
{
    public static string Directory { get; } = Find();

    public static IEnumerable<SchemaEntry> Notifications => SchemaCatalog.All.Where(e => e.Kind == "notifications");

    /// <summary>Every (schema, example index, example) of the notification schemas.</summary>
    public static IEnumerable<TestCaseData> NotificationExamples() =>
        from entry in Notifications
        let schema = JObject.Parse(File.ReadAllText(Path.Combine(Directory, entry.SchemaFile)))
        from pair in ((schema["examples"] as JArray) ?? []).Select((e, i) => (Example: e, Index: i))
        select new TestCaseData(entry.SchemaFile, pair.Index, pair.Example.ToString()).SetArgDisplayNames($"{entry.SchemaFile}#{pair.Index}");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "models", "models.lock.json")))
                return Path.Combine(dir.FullName, "schemas");
        throw new DirectoryNotFoundException("repository root (models/models.lock.json) not found above the test directory");
    }
}
