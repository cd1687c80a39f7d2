using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Routing;

/// <summary>Finds the model operation for a method and raw path; literal segments beat parameters.</summary>
internal sealed class OperationRouter
{
    private readonly (ModelOperation Operation, PathTemplate Template)[] _routes;

    public OperationRouter(IEnumerable<ModelOperation> operations)
    {
        _routes = operations
            .Select(o => (o, new PathTemplate(o.PathTemplate)))
            .OrderByDescending(r => r.Item2.LiteralCount)
            .ToArray();
    }

    /// <summary>The operation for a request; a trailing slash is ignored unless it stands for an empty path parameter.</summary>
    public RouteMatch? Match(string method, string rawPath) =>
        MatchExactly(method, rawPath) ?? (rawPath.Length > 1 && rawPath.EndsWith('/') ? MatchExactly(method, rawPath.TrimEnd('/')) : null);

    private RouteMatch? MatchExactly(string method, string rawPath)
    {
        foreach (var (operation, template) in _routes)
        {
            if (!string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
            if (template.Match(rawPath) is { } values) return new RouteMatch(operation, values);
        }
        return null;
    }

    /// <summary>True when some operation has this path under another method (for a 405-style answer).</summary>
    public bool PathExists(string rawPath) => _routes.Any(r => r.Template.Match(rawPath) is not null);

    /// <summary>The operation a Tokens API restricted resource names, concretely or generically.</summary>
    public (ModelOperation Operation, bool Generic)? MatchResource(string method, string resourcePath)
    {
        foreach (var (operation, template) in _routes)
        {
            if (!string.Equals(operation.Method, method, StringComparison.Ordinal)) continue;
            if (template.MatchesResourcePath(resourcePath, out var generic)) return (operation, generic);
        }
        return null;
    }
}

internal sealed record RouteMatch(ModelOperation Operation, IReadOnlyDictionary<string, string> PathValues);
