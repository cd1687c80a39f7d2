using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Diff;

/// <summary>
/// Splits a piece of a Swagger document into what shapes the generated C# API and what only documents it
/// (descriptions, summaries, titles, examples, tags, external docs and x- vendor extensions). Keywords are
/// only recognised where Swagger puts keywords: a property, definition, response or header that happens to be
/// named <c>description</c> or <c>x-amzn-RequestId</c> is kept, because it lives in a name map.
/// </summary>
public static class DocumentationSplit
{
    private static readonly HashSet<string> DocumentationKeywords =
        ["description", "summary", "title", "example", "examples", "externalDocs", "tags"];

    /// <summary>Keywords whose value maps names (not keywords) to schemas, operations or responses.</summary>
    private static readonly HashSet<string> NameMaps =
        ["properties", "definitions", "paths", "responses", "headers", "parameters", "securityDefinitions", "patternProperties", "scopes"];

    public static bool IsDocumentationKeyword(string key) =>
        DocumentationKeywords.Contains(key) || key.StartsWith("x-", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The token without documentation (order kept, so re-ordering stays visible) and the documentation itself
    /// keyed by a readable path such as <c>parameters[MarketplaceIds].description</c>.
    /// </summary>
    public static (JToken Api, IReadOnlyDictionary<string, string> Documentation) Split(JToken token)
    {
        var documentation = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var api = Strip(token, "", isNameMap: false, documentation);
        return (api, documentation);
    }

    private static JToken Strip(JToken token, string path, bool isNameMap, IDictionary<string, string> documentation)
    {
        switch (token)
        {
            case JObject obj:
            {
                var result = new JObject();
                foreach (var (key, value) in obj)
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (!isNameMap && IsDocumentationKeyword(key))
                    {
                        documentation[childPath] = value?.ToString(Newtonsoft.Json.Formatting.None) ?? "null";
                        continue;
                    }
                    result[key] = value is null ? null : Strip(value, childPath, !isNameMap && NameMaps.Contains(key), documentation);
                }
                return result;
            }
            case JArray array:
            {
                var result = new JArray();
                for (var i = 0; i < array.Count; i++)
                {
                    // Parameters are named by their name, which survives re-ordering better than an index.
                    var label = array[i] is JObject item && item.Value<string>("name") is { } name ? name : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    result.Add(Strip(array[i], $"{path}[{label}]", isNameMap: false, documentation));
                }
                return result;
            }
            default:
                return token.DeepClone();
        }
    }

    /// <summary>Paths whose documentation was added, removed or edited.</summary>
    public static IReadOnlyList<string> ChangedPaths(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Order(StringComparer.Ordinal)
            .ToList();
}
