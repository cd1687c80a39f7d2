using System.Text.Json;
using System.Text.Json.Serialization;
using SpApi.Runtime;

namespace SpApi.Auth.Restricted;

/// <summary>
/// Which operations need a Restricted Data Token, and how. The data is the embedded resource
/// <c>restricted-operations.json</c> (see its <c>about</c>); users replace it with their own file
/// (<c>SellingPartnerApi:RestrictedOperationsFile</c>) or adjust it with <see cref="With"/>/<see cref="Without"/>.
/// </summary>
public sealed class RestrictedOperationTable
{
    private const string ResourceName = "SpApi.Auth.Restricted.restricted-operations.json";
    private static readonly Lazy<RestrictedOperationTable> DefaultTable = new(LoadDefault);
    private readonly Dictionary<string, RestrictedOperation> _byKey;

    /// <summary>A table of <paramref name="operations"/>; operation keys must be distinct.</summary>
    public RestrictedOperationTable(IEnumerable<RestrictedOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        _byKey = new Dictionary<string, RestrictedOperation>(StringComparer.Ordinal);
        foreach (var op in operations)
            if (!_byKey.TryAdd(op.Key, op))
                throw new ArgumentException($"Restricted operation '{op.Key}' is listed twice.", nameof(operations));
    }

    /// <summary>The table shipped with SpApi (Amazon's Tokens API use case guide).</summary>
    public static RestrictedOperationTable Default => DefaultTable.Value;

    /// <summary>Every restricted operation of the table.</summary>
    public IReadOnlyCollection<RestrictedOperation> Operations => _byKey.Values;

    /// <summary>The row for an operation, or null when it needs no RDT.</summary>
    public RestrictedOperation? Find(OperationMetadata operation) =>
        _byKey.GetValueOrDefault(OperationKey.Of(operation ?? throw new ArgumentNullException(nameof(operation))));

    /// <summary>The entry for an operation, or null when it needs no RDT.</summary>
    public RestrictedOperation? Find(string modelFile, string operationId) => _byKey.GetValueOrDefault(OperationKey.Of(modelFile, operationId));

    /// <summary>A copy with <paramref name="operation"/> added or replacing the row of the same key.</summary>
    public RestrictedOperationTable With(RestrictedOperation operation) =>
        new(_byKey.Values.Where(o => o.Key != operation.Key).Append(operation));

    /// <summary>A copy without the row for <c>modelFile#operationId</c>.</summary>
    public RestrictedOperationTable Without(string modelFile, string operationId)
    {
        var key = OperationKey.Of(modelFile, operationId);
        return new(_byKey.Values.Where(o => o.Key != key));
    }

    /// <summary>Reads a table from a file in the format of the embedded <c>restricted-operations.json</c>.</summary>
    public static RestrictedOperationTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Restricted operations file '{path}' does not exist.", path);
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>Parses a table; errors name the file (<paramref name="source"/>) and the bad row.</summary>
    public static RestrictedOperationTable FromJson(string json, string source = "restricted operations table")
    {
        ArgumentNullException.ThrowIfNull(json);
        TableFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TableFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON ({e.Message}).", e);
        }
        if (file?.Operations is null) throw new FormatException($"{source}: missing the 'operations' array.");
        return new RestrictedOperationTable(file.Operations.Select((row, i) => row.ToOperation(source, i)));
    }

    private static RestrictedOperationTable LoadDefault()
    {
        using var stream = typeof(RestrictedOperationTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from SpApi.Auth.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd(), ResourceName);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed class TableFile
    {
        public List<Row>? Operations { get; set; }
    }

    private sealed class Row
    {
        public string? Operation { get; set; }
        public string? Path { get; set; }
        public List<string>? DataElements { get; set; }
        public string? Use { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; set; }

        public RestrictedOperation ToOperation(string source, int index)
        {
            var where = $"{source}: operations[{index}]";
            var hash = Operation?.IndexOf('#') ?? -1;
            if (hash <= 0 || hash == Operation!.Length - 1)
                throw new FormatException($"{where}: 'operation' must be 'modelFile#operationId', got '{Operation}'.");
            var path = Path?.ToLowerInvariant() switch
            {
                "generic" => RestrictedPathKind.Generic,
                "specific" => RestrictedPathKind.Specific,
                _ => throw new FormatException($"{where} ({Operation}): 'path' must be 'generic' or 'specific', got '{Path}'."),
            };
            var use = Use?.ToLowerInvariant() switch
            {
                null or "always" => RestrictedDataTokenUse.Always,
                "requested" => RestrictedDataTokenUse.WhenRequested,
                _ => throw new FormatException($"{where} ({Operation}): 'use' must be 'always' or 'requested', got '{Use}'."),
            };
            return new RestrictedOperation(Operation[..hash], Operation[(hash + 1)..], path, DataElements?.ToArray() ?? [], use);
        }
    }
}
