using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpApi.Auth.Restricted;

/// <summary>The file format of <c>restricted-operations.json</c> (a user-supplied table is read with the source-generated context).</summary>
internal sealed class RestrictedOperationFile
{
    public List<RestrictedOperationRow>? Operations { get; set; }
    public Dictionary<string, List<string>?>? DataElementRoles { get; set; }
}

/// <summary>One row as written in the file (or emitted by the generator); <see cref="ToOperation"/> validates it.</summary>
internal sealed class RestrictedOperationRow
{
    public string? Operation { get; set; }
    public string? Path { get; set; }
    public List<string>? DataElements { get; set; }
    public string? Use { get; set; }
    public List<string>? Roles { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }

    /// <summary>A row from the generated table (property name to its text, or to its list for <c>dataElements</c>).</summary>
    public static RestrictedOperationRow FromColumns(IReadOnlyDictionary<string, string[]> columns) => new()
    {
        Operation = First(columns, "operation"),
        Path = First(columns, "path"),
        DataElements = columns.TryGetValue("dataElements", out var elements) ? [.. elements] : null,
        Use = First(columns, "use"),
        Roles = columns.TryGetValue("roles", out var roles) ? [.. roles] : null,
    };

    private static string? First(IReadOnlyDictionary<string, string[]> columns, string name) =>
        columns.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;

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
            "pii" => RestrictedDataTokenUse.ForPersonalData,
            "requested" => RestrictedDataTokenUse.WhenRequested,
            _ => throw new FormatException($"{where} ({Operation}): 'use' must be 'always', 'pii' or 'requested', got '{Use}'."),
        };
        return new RestrictedOperation(Operation[..hash], Operation[(hash + 1)..], path, DataElements?.ToArray() ?? [], use, Roles?.ToArray() ?? []);
    }
}

/// <summary>Source-generated (no reflection) reading of a user-supplied table.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RestrictedOperationFile))]
internal sealed partial class RestrictedOperationJsonContext : JsonSerializerContext;
