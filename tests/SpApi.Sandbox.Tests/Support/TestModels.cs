using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Tests.Support;

/// <summary>The pinned models (SPAPI_MODELS_DIR, else ../shared/sp-api-models/2026-08-05_34dc93f/models beside the repo), parsed once.</summary>
internal static class TestModels
{
    public const string PinnedSnapshot = "2026-08-05_34dc93f";

    private static readonly Lazy<SandboxCaseCatalog> Catalog = new(() => SandboxCaseCatalog.Load(Directory));

    public static SandboxCaseCatalog Cases => Catalog.Value;

    public static string Directory => Environment.GetEnvironmentVariable("SPAPI_MODELS_DIR") is { Length: > 0 } fromEnv
        ? fromEnv
        : FindBesideRepo() ?? throw new InvalidOperationException("Cannot find the SP-API models: set SPAPI_MODELS_DIR.");

    private static string? FindBesideRepo()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "sp-api-models", PinnedSnapshot, "models");
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")) && System.IO.Directory.Exists(candidate))
                return Path.GetFullPath(candidate);
        }
        return null;
    }
}
