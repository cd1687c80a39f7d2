using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Preprocessing;

/// <summary>
/// Some path parameters hold a path: Uploads' <c>{resource}</c> is e.g.
/// <c>messaging/v1/orders/123/messages/invoice</c> and must keep its slashes, while NSwag escapes every
/// path value. Mark them <c>x-spapi-keep-slashes</c>; the PathParameter template escapes each segment only.
/// </summary>
public sealed class KeepSlashesInPathParameters : IModelTransform
{
    /// <summary>(model file, parameter name) pairs whose value is a path.</summary>
    private static readonly HashSet<(string, string)> PathValued = [("uploads_2020-11-01.json", "resource")];

    public string Name => "keep-slashes-in-path-parameters";

    public int Apply(JObject model, string modelFile)
    {
        var changed = 0;
        foreach (var (path, _, op) in SwaggerWalk.Operations(model))
            foreach (var p in SwaggerWalk.Parameters(model, path, op))
                if (p.Value<string>("in") == "path" && PathValued.Contains((modelFile, p.Value<string>("name")!)) && p["x-spapi-keep-slashes"] is null)
                {
                    p["x-spapi-keep-slashes"] = true;
                    changed++;
                }
        return changed;
    }
}
