using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Cases;

/// <summary>
/// Finds the SP-API model files: an explicit directory, else <c>SPAPI_MODELS_DIR</c>, else the repository's
/// synced <c>models/</c> folder (next to <c>models.lock.json</c>), else the pinned snapshot the lock names in
/// <c>../shared/sp-api-models/&lt;date&gt;_&lt;commit&gt;/models</c> beside the repository. Searched upward
/// from the current directory and from the application's directory.
/// </summary>
public static class ModelsDirectory
{
    /// <summary>The environment variable naming a models directory: <c>SPAPI_MODELS_DIR</c>.</summary>
    public const string EnvironmentVariable = "SPAPI_MODELS_DIR";
    private const string LockFile = "models.lock.json";

    /// <exception cref="DirectoryNotFoundException">No models directory could be found (the message says where it looked).</exception>
    public static string Locate(string? explicitDirectory = null) =>
        TryLocate(explicitDirectory) ?? throw new DirectoryNotFoundException(
            $"Cannot find the SP-API models: set {EnvironmentVariable}, pass the models directory, or run from the repository (models/{LockFile}).");

    /// <summary>
    /// As <see cref="Locate"/>, but null when neither an explicit directory, <c>SPAPI_MODELS_DIR</c> nor a repository
    /// is found (callers then use the embedded <see cref="PinnedModels"/>).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The explicit directory or <c>SPAPI_MODELS_DIR</c> does not exist.</exception>
    public static string? TryLocate(string? explicitDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory)) return Existing(explicitDirectory, "the given models directory");
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv) return Existing(fromEnv, EnvironmentVariable);

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (FromRepository(dir.FullName) is { } found) return found;
            }
        }
        return null;
    }

    private static string? FromRepository(string root)
    {
        var models = Path.Combine(root, "models");
        var lockPath = Path.Combine(models, LockFile);
        if (!File.Exists(lockPath)) return null;
        if (Directory.EnumerateFiles(models, "*.json", SearchOption.AllDirectories).Any(f => !f.EndsWith(LockFile, StringComparison.Ordinal)))
            return models;
        var snapshot = PinnedSnapshot(lockPath);
        var shared = snapshot is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "sp-api-models", snapshot, "models"));
        return shared is not null && Directory.Exists(shared) ? shared : null;
    }

    /// <summary><c>2026-08-05_34dc93f</c> from the lock's commit date and commit.</summary>
    private static string? PinnedSnapshot(string lockPath)
    {
        try
        {
            var lockJson = JObject.Parse(File.ReadAllText(lockPath));
            var date = lockJson.Value<string>("commitDate");
            var commit = lockJson.Value<string>("commit");
            return date is null || commit is not { Length: >= 7 } ? null : $"{date}_{commit[..7]}";
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static string Existing(string directory, string source) =>
        Directory.Exists(directory) ? Path.GetFullPath(directory)
            : throw new DirectoryNotFoundException($"SP-API models directory '{directory}' (from {source}) does not exist.");
}
