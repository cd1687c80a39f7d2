using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Tests.Support;

/// <summary>The pinned models (SPAPI_MODELS_DIR, the repository's synced models/, or the pinned snapshot beside it), parsed once.</summary>
internal static class TestModels
{
    private static readonly Lazy<SandboxCaseCatalog> Catalog = new(() => SandboxCaseCatalog.Load(ModelsDirectory.Locate()));

    public static SandboxCaseCatalog Cases => Catalog.Value;
}
