using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Diff;

/// <summary>
/// One version of the models: every Swagger file keyed by its path relative to <c>models/</c> (forward slashes),
/// and the upstream commit it came from when known.
/// </summary>
public sealed class ModelSet
{
    private ModelSet(string? commit, SortedDictionary<string, SwaggerDocument> files)
    {
        Commit = commit;
        Files = files;
    }

    public string? Commit { get; }

    public IReadOnlyDictionary<string, SwaggerDocument> Files { get; }

    /// <summary>Builds a set from in-memory JSON texts (tests, tools).</summary>
    public static ModelSet FromJson(string? commit, IEnumerable<KeyValuePair<string, string>> files)
    {
        var documents = new SortedDictionary<string, SwaggerDocument>(StringComparer.Ordinal);
        foreach (var (path, json) in files)
        {
            var document = Parse(path, json);
            if (document is not null) documents.Add(path, document);
        }
        return new ModelSet(commit, documents);
    }

    /// <summary>
    /// Loads a snapshot folder (holding <c>models/</c> and <c>UPSTREAM_COMMIT</c>) or a <c>models/</c> folder itself
    /// (the commit is then read from <c>UPSTREAM_COMMIT</c> in it or beside it). JSON files that are not Swagger
    /// documents, such as the lock file, are skipped.
    /// </summary>
    /// <param name="files">Only these files (relative to models/, e.g. from a lock file); all when null.</param>
    public static ModelSet Load(string folder, string? commit = null, IEnumerable<string>? files = null)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) throw new ModelDiffException($"Model folder '{full}' does not exist.");
        var modelsRoot = Directory.Exists(Path.Combine(full, "models")) ? Path.Combine(full, "models") : full;
        commit ??= ReadCommit(full) ?? (modelsRoot == full ? ReadCommit(Path.GetDirectoryName(full)) : null);

        var relatives = files?.ToList() ?? Directory.EnumerateFiles(modelsRoot, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(modelsRoot, f).Replace('\\', '/')).ToList();
        var documents = new SortedDictionary<string, SwaggerDocument>(StringComparer.Ordinal);
        foreach (var relative in relatives)
        {
            var path = Path.Combine(modelsRoot, relative);
            if (!File.Exists(path)) throw new ModelDiffException($"Model file '{relative}' is missing from '{modelsRoot}'.");
            var document = Parse(relative, File.ReadAllText(path));
            if (document is not null) documents.Add(relative, document);
        }
        if (documents.Count == 0) throw new ModelDiffException($"No Swagger model files found under '{modelsRoot}'.");
        return new ModelSet(commit, documents);
    }

    /// <summary>The first line of UPSTREAM_COMMIT in <paramref name="folder"/>, or null.</summary>
    public static string? ReadCommit(string? folder)
    {
        if (folder is null) return null;
        var file = Path.Combine(folder, "UPSTREAM_COMMIT");
        if (!File.Exists(file)) return null;
        var commit = File.ReadLines(file).FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(commit) ? null : commit;
    }

    private static SwaggerDocument? Parse(string relativePath, string text)
    {
        JToken token;
        try
        {
            // Dates stay strings and numbers stay exact: we compare what the file says, not what .NET makes of it.
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            token = JToken.ReadFrom(reader);
        }
        catch (JsonReaderException e)
        {
            throw new ModelDiffException($"{relativePath}: not valid JSON (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", e);
        }
        if (token is not JObject root || (root["swagger"] is null && root["openapi"] is null)) return null;
        var version = root.Value<string>("swagger");
        if (version != "2.0")
            throw new ModelDiffException($"{relativePath}: only Swagger 2.0 models are supported, this file declares '{version ?? "openapi " + root.Value<string>("openapi")}'.");
        return new SwaggerDocument(relativePath, root, text);
    }
}
