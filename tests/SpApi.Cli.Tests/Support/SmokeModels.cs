using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Tests.Support;

/// <summary>The pinned models' cases, parsed once for all CLI tests.</summary>
internal static class SmokeModels
{
    private static readonly Lazy<SandboxCaseCatalog> Catalog = new(() => SandboxCaseCatalog.Load(ModelsDirectory.Locate()));

    public static SandboxCaseCatalog Cases => Catalog.Value;
}
