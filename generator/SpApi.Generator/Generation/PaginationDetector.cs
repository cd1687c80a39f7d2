using Newtonsoft.Json.Linq;
using SpApi.Generator.Preprocessing;
using SpApi.Runtime;

namespace SpApi.Generator.Generation;

/// <summary>What the detector found for one operation: the token pair and, when evident, the item list.</summary>
/// <param name="ResponseTokenPath">Model property names from the response root to the next token.</param>
/// <param name="ItemsPath">Model property names from the response root to the page's one item list, or null.</param>
public sealed record PaginationShape(string RequestToken, IReadOnlyList<string> ResponseTokenPath, IReadOnlyList<string>? ItemsPath)
{
    public PaginationInfo Info => new(RequestToken, string.Join('.', ResponseTokenPath));
}

/// <summary>
/// Recognises a paginated operation from its model, whatever Amazon named things: a query parameter named
/// like a page token (<c>nextToken</c>, <c>NextToken</c>, <c>pageToken</c>, <c>paginationToken</c>,
/// <c>nextPageToken</c>, <c>nextTokenForLineItems</c>, …) and a string property of the success response,
/// at any depth, named like a next token. The item list is the one array beside the token (or beside the
/// token's <c>pagination</c> object), errors and warnings aside; with none or several, there is no items form.
/// </summary>
public static class PaginationDetector
{
    private const int MaxDepth = 5;
    private static readonly HashSet<string> NotItems = new(["errors", "warnings"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Every paginated operation of a (pre-processed) model, by operationId.</summary>
    public static IReadOnlyDictionary<string, PaginationShape> DetectAll(JObject model)
    {
        var shapes = new Dictionary<string, PaginationShape>(StringComparer.Ordinal);
        foreach (var (path, _, op) in SwaggerWalk.Operations(model))
            if (op.Value<string>("operationId") is { } id && Detect(model, path, op) is { } shape)
                shapes[id] = shape;
        return shapes;
    }

    public static PaginationShape? Detect(JObject model, string path, JObject operation)
    {
        var request = SwaggerWalk.Parameters(model, path, operation)
            .Where(p => p.Value<string>("in") == "query" && p.Value<string>("name") is { } n && IsTokenName(n))
            .Select(p => p.Value<string>("name")!)
            .OrderBy(n => n.Contains("next", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .FirstOrDefault();
        if (request is null || SuccessSchema(model, operation) is not { } response) return null;

        var candidates = new List<List<string>>();
        CollectTokens(model, response, [], candidates, 0);
        var best = candidates
            .OrderBy(c => string.Equals(c[^1], request, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(c => c[^1].Contains("next", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(c => c.Count)
            .FirstOrDefault();
        if (best is null) return null;
        return new PaginationShape(request, best, FindItems(model, response, best));
    }

    /// <summary>A page-token name: mentions a token and next/page/pagination, never "previous".</summary>
    public static bool IsTokenName(string name)
    {
        var n = name.ToLowerInvariant();
        return n.Contains("token") && !n.Contains("prev")
            && (n.Contains("next") || n.Contains("page") || n.Contains("pagination"));
    }

    private static JObject? SuccessSchema(JObject model, JObject operation) =>
        (operation["responses"] as JObject)?.Properties()
            .Where(r => r.Name.StartsWith('2') && r.Value is JObject)
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => SwaggerWalk.Resolve(model, (JObject)r.Value)["schema"] as JObject)
            .FirstOrDefault(s => s is not null) is { } schema ? SwaggerWalk.Resolve(model, schema) : null;

    /// <summary>Own properties plus those of allOf parts, $ref resolved.</summary>
    private static IEnumerable<(string Name, JObject Schema)> Properties(JObject model, JObject schema)
    {
        schema = SwaggerWalk.Resolve(model, schema);
        if (schema["properties"] is JObject props)
            foreach (var (name, value) in props)
                if (value is JObject s) yield return (name, SwaggerWalk.Resolve(model, s));
        if (schema["allOf"] is JArray parts)
            foreach (var part in parts.OfType<JObject>())
                foreach (var p in Properties(model, part)) yield return p;
    }

    private static void CollectTokens(JObject model, JObject schema, List<string> path, List<List<string>> found, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var (name, s) in Properties(model, schema))
        {
            var here = new List<string>(path) { name };
            if (IsTokenName(name) && (s.Value<string>("type") ?? "string") == "string") found.Add(here);
            else if (s.Value<string>("type") is null or "object") CollectTokens(model, s, here, found, depth + 1);
        }
    }

    private static IReadOnlyList<string>? FindItems(JObject model, JObject response, IReadOnlyList<string> tokenPath)
    {
        // The container of the token; a dedicated pagination object is skipped for its parent.
        var containerPath = tokenPath.Take(tokenPath.Count - 1).ToList();
        if (containerPath.Count > 0 && containerPath[^1].Contains("pagination", StringComparison.OrdinalIgnoreCase))
            containerPath.RemoveAt(containerPath.Count - 1);
        var container = response;
        foreach (var segment in containerPath)
        {
            var next = Properties(model, container).FirstOrDefault(p => p.Name == segment).Schema;
            if (next is null) return null;
            container = next;
        }
        // Errors and warnings ride along on some pages; they are not what the caller pages through.
        var arrays = Properties(model, container)
            .Where(p => p.Schema.Value<string>("type") == "array" && !NotItems.Contains(p.Name))
            .ToArray();
        return arrays.Length == 1 ? [.. containerPath, arrays[0].Name] : null;
    }
}
