using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Cases;

/// <summary>
/// Every operation of a models directory with its static sandbox cases. Shared by the sandbox server
/// (to answer requests) and the smoke runner (to send them). Immutable once loaded; safe to share.
/// </summary>
public sealed class SandboxCaseCatalog
{
    private readonly Dictionary<string, ModelOperation> _byKey;

    private SandboxCaseCatalog(string directory, IReadOnlyList<ModelOperation> operations, IReadOnlyList<string> warnings)
    {
        ModelsDirectory = directory;
        Operations = operations;
        Cases = operations.SelectMany(o => o.Cases).ToArray();
        Warnings = warnings;
        _byKey = operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
    }

    public string ModelsDirectory { get; }

    /// <summary>All operations of all model files, with or without cases.</summary>
    public IReadOnlyList<ModelOperation> Operations { get; }

    /// <summary>All static cases in model-file, operation and document order.</summary>
    public IReadOnlyList<SandboxCase> Cases { get; }

    /// <summary>Things in the models that could not be used (e.g. a non-numeric response code holding cases).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public ModelOperation? FindOperation(string modelFile, string operationId) =>
        _byKey.TryGetValue($"{modelFile}#{operationId}", out var op) ? op : null;

    /// <summary>Reads every <c>*.json</c> model below <paramref name="modelsDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InvalidDataException">A model cannot be read, or two models share a file name.</exception>
    public static SandboxCaseCatalog Load(string modelsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelsDirectory);
        var directory = Path.GetFullPath(modelsDirectory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"SP-API models directory '{directory}' does not exist (set SPAPI_MODELS_DIR or pass the directory of the synced model JSON files).");

        var files = Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
            throw new InvalidDataException($"SP-API models directory '{directory}' holds no *.json model files.");

        var operations = new List<ModelOperation>();
        var warnings = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var json = ReadJson(file);
            if (json["swagger"] is null) continue; // models.lock.json, schemas: not Swagger documents
            var name = Path.GetFileName(file);
            if (!seen.TryAdd(name, file))
                throw new InvalidDataException($"Two models share the file name '{name}': '{seen[name]}' and '{file}'.");
            operations.AddRange(ModelFileReader.Read(file, json, warnings));
        }
        if (operations.Count == 0)
            throw new InvalidDataException($"SP-API models directory '{directory}' holds no Swagger model with operations.");
        return new SandboxCaseCatalog(directory, operations, warnings);
    }

    /// <summary>Reads JSON keeping dates as strings and numbers exact, as the models write them.</summary>
    internal static JToken ParseJson(TextReader text)
    {
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read() && reader.TokenType != JsonToken.Comment)
            throw new JsonReaderException($"Unexpected content after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}.");
        return token;
    }

    private static JObject ReadJson(string file)
    {
        try
        {
            using var text = File.OpenText(file);
            return ParseJson(text) as JObject
                ?? throw new InvalidDataException($"Model '{file}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Model '{file}' is not valid JSON: {e.Message}", e);
        }
    }
}
