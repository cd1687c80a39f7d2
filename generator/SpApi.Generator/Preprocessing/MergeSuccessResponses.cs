using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Preprocessing;

/// <summary>
/// A declared 2xx is success. NSwag returns only the first 2xx's type and throws for another 2xx with a
/// different schema (fulfillmentOutbound 2026-07-04 <c>createOrder</c>: 200 <c>CreateOrderResponse</c>,
/// 202 <c>CreateOrderAcceptedResponse</c>). Merge the other 2xx schemas' properties into the first one as
/// optional properties and point every 2xx at it, so each success body arrives typed, nothing is lost.
/// (A 2xx without a body beside a typed 2xx is handled in the ProcessResponse template: it returns null.)
/// </summary>
public sealed class MergeSuccessResponses : IModelTransform
{
    public string Name => "merge-2xx-schemas";

    public int Apply(JObject model, string modelFile)
    {
        var changed = 0;
        foreach (var (_, _, op) in SwaggerWalk.Operations(model))
        {
            if (op["responses"] is not JObject responses) continue;
            var typed = responses.Properties()
                .Where(r => r.Name.StartsWith('2') && r.Value["schema"]?["$ref"] is not null)
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .ToArray();
            if (typed.Length < 2) continue;
            var primaryRef = typed[0].Value["schema"]!["$ref"]!.Value<string>()!;
            var primary = SwaggerWalk.Resolve(model, (JObject)typed[0].Value["schema"]!);
            foreach (var other in typed.Skip(1))
            {
                var otherRef = other.Value["schema"]!["$ref"]!.Value<string>();
                if (otherRef == primaryRef) continue;
                var otherSchema = SwaggerWalk.Resolve(model, (JObject)other.Value["schema"]!);
                if (otherSchema["properties"] is JObject extra)
                {
                    var props = primary["properties"] as JObject ?? (JObject)(primary["properties"] = new JObject());
                    foreach (var (name, schema) in extra)
                        if (props[name] is null) props[name] = schema!.DeepClone();
                }
                other.Value["schema"] = new JObject { ["$ref"] = primaryRef };
                changed++;
            }
        }
        return changed;
    }
}
