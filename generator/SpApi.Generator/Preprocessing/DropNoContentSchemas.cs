using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Preprocessing;

/// <summary>
/// A 204 has no body by definition, but Supply Sources and Services declare one on 204 responses; NSwag
/// then makes the method return that (error) type and fail on the empty body. Drop the schema.
/// </summary>
public sealed class DropNoContentSchemas : IModelTransform
{
    public string Name => "drop-204-schemas";

    public int Apply(JObject model, string modelFile)
    {
        var changed = 0;
        foreach (var (_, _, op) in SwaggerWalk.Operations(model))
            if (op["responses"]?["204"] is JObject noContent && noContent.Remove("schema"))
                changed++;
        return changed;
    }
}
