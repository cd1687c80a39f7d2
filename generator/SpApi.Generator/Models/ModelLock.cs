using System.Security.Cryptography;
using Newtonsoft.Json;

namespace SpApi.Generator.Models;

/// <summary>
/// <c>models/models.lock.json</c>: which upstream commit the project generates from and the sha256 of
/// every model file. The synced JSON files beside it are verified against it before every generation.
/// </summary>
public sealed class ModelLock
{
    public const string FileName = "models.lock.json";
    public const string DefaultUpstream = "https://github.com/amzn/selling-partner-api-models";

    [JsonProperty("upstream")] public string Upstream { get; set; } = DefaultUpstream;
    [JsonProperty("commit")] public string Commit { get; set; } = "";
    [JsonProperty("commitDate")] public string? CommitDate { get; set; }
    [JsonProperty("files")] public List<LockedFile> Files { get; set; } = [];

    /// <summary>JSON Schemas (notifications, reports, feeds and their examples), relative to upstream <c>schemas/</c>.</summary>
    [JsonProperty("schemas")] public List<LockedFile> Schemas { get; set; } = [];

    /// <summary>The snapshot folder name used in ../shared: <c>DATE_SHORTCOMMIT</c>.</summary>
    [JsonIgnore] public string SnapshotName => $"{CommitDate}_{Commit[..Math.Min(7, Commit.Length)]}";

    public static ModelLock Load(string path)
    {
        if (!File.Exists(path))
            throw new GeneratorException($"Model lock file not found: {path}. Create it with 'dotnet run --project generator/SpApi.Generator -- lock --from <snapshot folder>'.");
        var lockFile = JsonConvert.DeserializeObject<ModelLock>(File.ReadAllText(path))
            ?? throw new GeneratorException($"{path} is empty.");
        if (string.IsNullOrWhiteSpace(lockFile.Commit) || lockFile.Files.Count == 0)
            throw new GeneratorException($"{path} has no commit or no files.");
        return lockFile;
    }

    public void Save(string path)
    {
        Files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        Schemas.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        File.WriteAllText(path, JsonConvert.SerializeObject(this, Formatting.Indented) + "\n");
    }

    /// <summary>Builds a lock from a snapshot folder (holding <c>models/</c> and <c>UPSTREAM_COMMIT</c>).</summary>
    public static ModelLock FromSnapshot(string snapshotDir, string? upstream = null)
    {
        var source = ModelSource.FromFolder(snapshotDir);
        var commitFile = Path.Combine(snapshotDir, "UPSTREAM_COMMIT");
        var commit = File.Exists(commitFile) ? File.ReadAllText(commitFile).Trim()
            : throw new GeneratorException($"{snapshotDir} has no UPSTREAM_COMMIT file.");
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(snapshotDir));
        var date = folder.Length >= 10 && folder[4] == '-' ? folder[..10] : null;
        return new ModelLock
        {
            Upstream = upstream ?? DefaultUpstream,
            Commit = commit,
            CommitDate = date,
            Files = source.ListModelFiles()
                .Select(rel => new LockedFile(rel, Sha256(Path.Combine(source.ModelsDir, rel))))
                .ToList(),
            Schemas = source.ListSchemaFiles()
                .Select(rel => new LockedFile(rel, Sha256(Path.Combine(source.SchemasDir, rel))))
                .ToList(),
        };
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>A model file path relative to the upstream <c>models/</c> folder (forward slashes) and its hash.</summary>
public sealed record LockedFile(
    [property: JsonProperty("path")] string Path,
    [property: JsonProperty("sha256")] string Sha256);
