using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Preprocessing;

/// <summary>Helpers to visit the operations of a Swagger 2.0 document.</summary>
public static class SwaggerWalk
{
    public static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    /// <summary>Every (path, method, operation) in document order.</summary>
    public static IEnumerable<(string Path, string Method, JObject Operation)> Operations(JObject model)
    {
        if (model["paths"] is not JObject paths) yield break;
        foreach (var (path, item) in paths)
        {
            if (item is not JObject pathItem) continue;
            foreach (var method in Methods)
                if (pathItem[method] is JObject op)
                    yield return (path, method, op);
        }
    }

    /// <summary>The operation's parameters plus the path item's shared ones, with $ref resolved.</summary>
    public static IEnumerable<JObject> Parameters(JObject model, string path, JObject operation)
    {
        var shared = (model["paths"]?[path]?["parameters"] as JArray) ?? [];
        var own = (operation["parameters"] as JArray) ?? [];
        foreach (var p in own.Concat(shared).OfType<JObject>())
            yield return Resolve(model, p);
    }

    public static JObject Resolve(JObject model, JObject maybeRef)
    {
        if (maybeRef["$ref"]?.Value<string>() is not { } reference) return maybeRef;
        var parts = reference.TrimStart('#', '/').Split('/');
        JToken? node = model;
        foreach (var part in parts) node = node?[part.Replace("~1", "/").Replace("~0", "~")];
        return node as JObject ?? throw new GeneratorException($"Unresolvable $ref '{reference}'.");
    }
}
