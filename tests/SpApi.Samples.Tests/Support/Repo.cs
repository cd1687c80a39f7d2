namespace SpApi.Samples.Tests.Support;

/// <summary>Paths in the repository this test assembly was built from.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration this test assembly (and so the samples) was built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    public static string Artifacts(string name)
    {
        var dir = Path.Combine(Root, "artifacts", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The built entry assembly of a sample, e.g. samples/WebApp/bin/Release/net10.0/SpApi.Samples.WebApp.dll.</summary>
    public static string SampleDll(string folder, string assembly)
    {
        var path = Path.Combine(Root, "samples", folder, "bin", Configuration, "net10.0", assembly + ".dll");
        if (!File.Exists(path)) Assert.Fail($"{path} is missing: build the solution (build/test.sh does).");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpApi.Generated.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("SpApi.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
