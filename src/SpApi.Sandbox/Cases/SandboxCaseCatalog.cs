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

    /// <summary>The directory the models were read from, or a description of the embedded models.</summary>
    public string ModelsDirectory { get; }

    /// <summary>All operations of all model files, with or without cases.</summary>
    public IReadOnlyList<ModelOperation> Operations { get; }

    /// <summary>All static cases in model-file, operation and document order.</summary>
    public IReadOnlyList<SandboxCase> Cases { get; }

    /// <summary>Things in the models that could not be used (e.g. a non-numeric response code holding cases).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The operation of <paramref name="modelFile"/> named <paramref name="operationId"/>, or null.</summary>
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
        return FromModels(directory, files.Select(f => (f, (Func<TextReader>)(() => File.OpenText(f)))));
    }

    /// <summary>The models embedded in this assembly at build time (see <see cref="PinnedModels"/>).</summary>
    /// <exception cref="InvalidDataException">The assembly was built without models, or one cannot be read.</exception>
    public static SandboxCaseCatalog LoadPinned() =>
        FromModels(PinnedModels.Description, PinnedModels.Files().Select(f => (f.Path, (Func<TextReader>)(() => PinnedModels.Open(f.Resource)))));

    /// <summary>
    /// The models a command line or test names, else the first found of <c>SPAPI_MODELS_DIR</c> and the repository's
    /// <c>models/</c> (see <see cref="SpApi.Sandbox.Cases.ModelsDirectory"/>), else the embedded pinned models.
    /// </summary>
    public static SandboxCaseCatalog LoadDefault(string? explicitDirectory = null) =>
        SpApi.Sandbox.Cases.ModelsDirectory.TryLocate(explicitDirectory) is { } directory ? Load(directory) : LoadPinned();

    private static SandboxCaseCatalog FromModels(string source, IEnumerable<(string Path, Func<TextReader> Open)> files)
    {
        var operations = new List<ModelOperation>();
        var warnings = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, open) in files)
        {
            var json = ReadJson(file, open);
            if (json["swagger"] is null) continue; // models.lock.json, schemas: not Swagger documents
            var name = Path.GetFileName(file);
            if (!seen.TryAdd(name, file))
                throw new InvalidDataException($"Two models share the file name '{name}': '{seen[name]}' and '{file}'.");
            operations.AddRange(ModelFileReader.Read(file, json, warnings));
        }
        if (operations.Count == 0)
            throw new InvalidDataException($"SP-API models '{source}' hold no Swagger model with operations.");
        return new SandboxCaseCatalog(source, operations, warnings);
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

    private static JObject ReadJson(string file, Func<TextReader> open)
    {
        try
        {
            using var text = open();
            return ParseJson(text) as JObject
                ?? throw new InvalidDataException($"Model '{file}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Model '{file}' is not valid JSON: {e.Message}", e);
        }
    }
}
