namespace SpApi.Generator.Tests;

/// <summary>The repository root (folder of SpApi.Generated.sln) and the shared models beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();
    public static string Shared => Path.Combine(Root, "..", "shared", "sp-api-models");
    public static string Pinned => Path.Combine(Shared, "2026-08-05_34dc93f");
    public static string Older => Path.Combine(Shared, "2026-06-04_6ad2ee1");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpApi.Generated.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
