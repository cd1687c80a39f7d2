using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Diff;

/// <summary>Read-only view of one Swagger 2.0 model file: its operations and its definitions.</summary>
public sealed class SwaggerDocument
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch"];
    private const string DefinitionPrefix = "#/definitions/";
    private const string ParameterPrefix = "#/parameters/";

    public SwaggerDocument(string modelFile, JObject root, string? text = null)
    {
        ModelFile = modelFile;
        Root = root;
        Text = text ?? root.ToString();
        Definitions = root["definitions"] as JObject ?? [];
        Operations = ReadOperations();
    }

    public string ModelFile { get; }

    public JObject Root { get; }

    /// <summary>The file as read, to tell a formatting-only edit from no edit at all.</summary>
    public string Text { get; }

    public JObject Definitions { get; }

    public IReadOnlyList<SwaggerOperation> Operations { get; }

    /// <summary>"Orders v0" from info.title and info.version, for people reading the report.</summary>
    public string Title => $"{Root["info"]?.Value<string>("title") ?? ModelFile} {Root["info"]?.Value<string>("version")}".Trim();

    /// <summary>The definition name a schema's <c>$ref</c> points at, or null when it has none.</summary>
    public string? RefName(JToken? schema)
    {
        if (schema is not JObject obj || obj["$ref"] is not JValue { Type: JTokenType.String } value) return null;
        var reference = (string)value!;
        if (!reference.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
            throw new ModelDiffException($"{ModelFile}: unsupported $ref '{reference}' (only {DefinitionPrefix}… is understood).");
        return Uri.UnescapeDataString(reference[DefinitionPrefix.Length..]).Replace("~1", "/").Replace("~0", "~");
    }

    /// <summary>The schema of a definition; a reference to a missing definition is an error naming both.</summary>
    public JObject Definition(string name) =>
        Definitions[name] as JObject
        ?? throw new ModelDiffException($"{ModelFile}: $ref to '{DefinitionPrefix}{name}', which is not defined in the file.");

    private List<SwaggerOperation> ReadOperations()
    {
        var found = new List<(string? Id, string Method, string Path, JObject Json, List<JObject> Parameters)>();
        if (Root["paths"] is JObject paths)
        {
            foreach (var (path, item) in paths)
            {
                if (item is not JObject pathItem) continue;
                var shared = Parameters(pathItem["parameters"]);
                foreach (var method in HttpMethods)
                {
                    if (pathItem[method] is not JObject op) continue;
                    found.Add((op.Value<string>("operationId"), method.ToUpperInvariant(), path, op, Merge(shared, Parameters(op["parameters"]))));
                }
            }
        }

        // The operationId names the C# method; a reused id is qualified by method, then by route if still ambiguous.
        var byId = found.Where(f => f.Id is not null).GroupBy(f => f.Id!).ToDictionary(g => g.Key, g => g.ToList());
        return found.Select(f => new SwaggerOperation(
                f.Id is null ? $"{f.Method} {f.Path}"
                : byId[f.Id].Count == 1 ? f.Id
                : byId[f.Id].Count(o => o.Method == f.Method) == 1 ? $"{f.Id} ({f.Method})"
                : $"{f.Id} ({f.Method} {f.Path})",
                f.Id, f.Method, f.Path, f.Json, f.Parameters))
            .ToList();
    }

    /// <summary>Operation-level parameters override path-level ones with the same name and location.</summary>
    private static List<JObject> Merge(List<JObject> shared, List<JObject> own)
    {
        var merged = shared.Where(s => !own.Any(o => SameParameter(o, s))).ToList();
        merged.AddRange(own);
        return merged;
    }

    private static bool SameParameter(JObject a, JObject b) =>
        a.Value<string>("name") == b.Value<string>("name") && a.Value<string>("in") == b.Value<string>("in");

    private List<JObject> Parameters(JToken? list)
    {
        var result = new List<JObject>();
        if (list is not JArray array) return result;
        foreach (var item in array.OfType<JObject>())
        {
            if (item["$ref"] is not JValue { Type: JTokenType.String } reference)
            {
                result.Add(item);
                continue;
            }
            var text = (string)reference!;
            var name = text.StartsWith(ParameterPrefix, StringComparison.Ordinal) ? text[ParameterPrefix.Length..] : null;
            result.Add(name is not null && Root["parameters"]?[name] is JObject resolved
                ? resolved
                : throw new ModelDiffException($"{ModelFile}: parameter $ref '{text}' does not resolve to an entry of the top-level 'parameters'."));
        }
        return result;
    }
}
