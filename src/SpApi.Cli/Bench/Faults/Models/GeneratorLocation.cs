namespace SpApi.Cli.Bench.Faults.Models;

/// <summary>
/// The model generator (generator/SpApi.Generator, NSwag) as the build runs it: <see cref="Dll"/> started with
/// <c>dotnet</c>, and <see cref="SettingsRoot"/>, a folder in the repository's layout holding <c>nswag.json</c> and
/// the Liquid templates it names.
/// </summary>
internal sealed record GeneratorLocation(string Dll, string SettingsRoot)
{
    public const string DllName = "SpApi.Generator.dll";

    /// <summary>
    /// <paramref name="explicitPath"/> (the dll or its folder) when given; else <c>generator/</c> beside spapi, where
    /// the build and the tool package put it; else a repository above spapi or the current folder, built in any
    /// configuration. Null, with <paramref name="why"/>, when there is none.
    /// </summary>
    public static GeneratorLocation? Find(string? explicitPath, out string why)
    {
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath);
            var dll = Directory.Exists(full) ? Path.Combine(full, DllName) : full;
            return Complete(dll, out why);
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "generator", DllName);
        if (File.Exists(beside)) return Complete(beside, out why);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            if (RepositoryAbove(start) is { } repo)
            {
                var built = Directory.Exists(Path.Combine(repo, "generator", "SpApi.Generator", "bin"))
                    ? Directory.GetFiles(Path.Combine(repo, "generator", "SpApi.Generator", "bin"), DllName, SearchOption.AllDirectories)
                        .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                    : null;
                if (built is not null) return Complete(built, out why);
            }
        why = $"no {DllName} in {Path.GetDirectoryName(beside)} nor in a built repository above {AppContext.BaseDirectory} or the current folder; build spapi (it copies the generator to generator/) or pass --generator PATH";
        return null;
    }

    private static GeneratorLocation? Complete(string dll, out string why)
    {
        if (!File.Exists(dll))
        {
            why = $"{dll} does not exist";
            return null;
        }
        var dir = Path.GetDirectoryName(dll)!;
        var settings = File.Exists(Path.Combine(dir, "repo", "nswag.json")) ? Path.Combine(dir, "repo") : RepositoryAbove(dir);
        if (settings is null)
        {
            why = $"{dll} has no settings beside it (repo/nswag.json) and is not inside a repository";
            return null;
        }
        why = "";
        return new GeneratorLocation(dll, settings);
    }

    private static string? RepositoryAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpApi.Generated.sln")) && File.Exists(Path.Combine(dir.FullName, "nswag.json")))
                return dir.FullName;
        return null;
    }
}
