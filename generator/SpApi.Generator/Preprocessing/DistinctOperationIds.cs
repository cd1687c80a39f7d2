using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Preprocessing;

/// <summary>
/// Swagger requires unique operationIds, but shippingV2 uses <c>linkCarrierAccount</c> for both PUT and POST
/// of one path, which makes NSwag emit two methods with one name. The first keeps its id; each later
/// duplicate gets the HTTP method appended (<c>linkCarrierAccountPost</c>).
/// </summary>
public sealed class DistinctOperationIds : IModelTransform
{
    public string Name => "distinct-operation-ids";

    public int Apply(JObject model, string modelFile)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var changed = 0;
        foreach (var (_, method, op) in SwaggerWalk.Operations(model))
        {
            var id = op.Value<string>("operationId");
            if (id is null || seen.Add(id)) continue;
            var renamed = id + char.ToUpperInvariant(method[0]) + method[1..];
            for (var n = 2; !seen.Add(renamed); n++) renamed = id + char.ToUpperInvariant(method[0]) + method[1..] + n;
            op["x-spapi-original-operation-id"] = id;
            op["operationId"] = renamed;
            changed++;
        }
        return changed;
    }
}
