using Newtonsoft.Json.Linq;
using SpApi.Generator.Models;
using SpApi.Generator.Preprocessing;
using SpApi.Runtime;

namespace SpApi.Generator.Generation;

/// <summary>Reads the <see cref="OperationMetadata"/> of every operation of one (pre-processed) model.</summary>
public static class ModelOperations
{
    public static IReadOnlyList<OperationMetadata> Read(JObject model, string modelFile, ApiName name, OperationTables tables,
        IReadOnlyDictionary<string, PaginationShape>? pagination = null) =>
        SwaggerWalk.Operations(model)
            .Select(o =>
            {
                var id = o.Operation.Value<string>("operationId")
                    ?? throw new GeneratorException($"{modelFile}: {o.Method.ToUpperInvariant()} {o.Path} has no operationId.");
                return new OperationMetadata(
                    modelFile, name.Api, name.Version, id,
                    o.Method.ToUpperInvariant(), o.Path,
                    UsagePlanParser.Parse(o.Operation.Value<string>("description")),
                    tables.IsRestricted(modelFile, id),
                    tables.GrantlessScope(modelFile, id),
                    o.Operation.Value<bool?>("deprecated") ?? false,
                    o.Operation.Value<string>("description"),
                    pagination is not null && pagination.TryGetValue(id, out var shape) ? shape.Info : null)
                {
                    PathValuedParameters = SwaggerWalk.Parameters(model, o.Path, o.Operation)
                        .Where(p => p.Value<string>("in") == "path" && p.Value<bool?>("x-spapi-keep-slashes") == true)
                        .Select(p => p.Value<string>("name")!).ToArray(),
                };
            })
            .ToArray();
}
