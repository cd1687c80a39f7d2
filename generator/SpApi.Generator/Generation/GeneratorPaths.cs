namespace SpApi.Generator.Generation;

/// <summary>Where the generator finds the repository's settings and its own data.</summary>
public sealed record GeneratorPaths(string RepoRoot)
{
    public string NSwagJson => Path.Combine(RepoRoot, "nswag.json");
    public string ModelsDir => Path.Combine(RepoRoot, "models");
    public string DataDir => Path.Combine(AppContext.BaseDirectory, "Data");
    public string RestrictedOperationsJson => Path.Combine(RepoRoot, "src", "SpApi.Auth", "Restricted", "restricted-operations.json");

    /// <summary>Walks up from <paramref name="start"/> to the folder holding SpApi.Generated.sln.</summary>
    public static GeneratorPaths Find(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory());
        for (; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpApi.Generated.sln")))
                return new GeneratorPaths(dir.FullName);
        throw new GeneratorException("Cannot find the repository root (the folder holding SpApi.Generated.sln); pass --repo.");
    }
}
