using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Diff;

/// <summary>
/// One operation of a Swagger 2.0 document with its effective parameters (path-level ones merged in,
/// <c>#/parameters</c> references resolved). <see cref="Key"/> matches operations across versions: the
/// operationId (which names the C# method), qualified by the HTTP method when a file reuses an id.
/// </summary>
public sealed record SwaggerOperation(
    string Key,
    string? OperationId,
    string Method,
    string Path,
    JObject Json,
    IReadOnlyList<JObject> Parameters)
{
    public bool Deprecated => Json.Value<bool?>("deprecated") ?? false;

    public string Description => Json.Value<string>("description") ?? "";

    public string Route => $"{Method} {Path}";

    public JObject? Responses => Json["responses"] as JObject;
}
