using System.Reflection;
using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Cases;

/// <summary>
/// The SP-API models this assembly was built with, embedded as resources (with their <c>models.lock.json</c>), so
/// the sandbox and the <c>spapi</c> tool serve them anywhere: no clone of the repository, no <c>SPAPI_MODELS_DIR</c>.
/// </summary>
public static class PinnedModels
{
    internal const string ResourcePrefix = "SpApi.Sandbox.Models/";
    private const string LockResource = ResourcePrefix + "models.lock.json";
    private static readonly Assembly Assembly = typeof(PinnedModels).Assembly;
    private static readonly Lazy<JObject> Lock = new(ReadLock);

    /// <summary>Upstream commit of <c>amzn/selling-partner-api-models</c> the embedded models were pinned at.</summary>
    public static string Commit => Lock.Value.Value<string>("commit") ?? "unknown";

    /// <summary>Date of <see cref="Commit"/> (<c>yyyy-MM-dd</c>).</summary>
    public static string CommitDate => Lock.Value.Value<string>("commitDate") ?? "unknown";

    /// <summary>Where the catalog came from, as <see cref="SandboxCaseCatalog.ModelsDirectory"/> shows it.</summary>
    public static string Description => $"embedded models (commit {Commit[..Math.Min(7, Commit.Length)]}, {CommitDate})";

    /// <summary>Relative paths (e.g. <c>orders-api-model/ordersV0.json</c>) of the embedded model files.</summary>
    /// (Resource names built on Windows carry backslashes; both are accepted.)
    internal static IEnumerable<(string Path, string Resource)> Files() => Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n != LockResource)
        .Select(n => (n[ResourcePrefix.Length..].Replace('\\', '/'), n))
        .OrderBy(f => f.Item1, StringComparer.Ordinal);

    internal static TextReader Open(string resource) =>
        new StreamReader(Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"Embedded model '{resource}' is missing from {Assembly.GetName().Name}."));

    private static JObject ReadLock()
    {
        using var stream = Assembly.GetManifestResourceStream(LockResource)
            ?? throw new InvalidDataException($"{Assembly.GetName().Name} was built without its embedded models (models.lock.json is missing).");
        using var reader = new StreamReader(stream);
        return JObject.Parse(reader.ReadToEnd());
    }
}
