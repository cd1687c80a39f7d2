namespace SpApi.Generator.Tests.Diff;

/// <summary>The repository root (the folder holding SpApi.Generated.sln) and the model snapshots in ../shared beside it.</summary>
internal static class Snapshots
{
    public const string OlderName = "2026-06-04_6ad2ee1";
    public const string NewerName = "2026-08-05_34dc93f";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Older => Snapshot(OlderName);

    public static string Newer => Snapshot(NewerName);

    /// <summary>The snapshot folder (holding models/ and UPSTREAM_COMMIT); the test is ignored where ../shared is absent.</summary>
    public static string Snapshot(string name)
    {
        var folder = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "sp-api-models", name));
        if (!Directory.Exists(Path.Combine(folder, "models"))) Assert.Ignore($"model snapshot {folder} is not available here");
        return folder;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpApi.Generated.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No SpApi.Generated.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
