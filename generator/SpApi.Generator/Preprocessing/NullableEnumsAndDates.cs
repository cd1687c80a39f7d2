using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Preprocessing;

/// <summary>
/// Amazon adds enum values before it updates its models, and some of its dates are not ISO-8601. The
/// runtime reads such a value as null rather than failing the whole response; for that to be honest the
/// C# property must be able to hold null. NJsonSchema makes required enum and date properties
/// non-nullable, so an unknown value would silently read as the first member or 0001-01-01. Mark every
/// enum- or date-typed property <c>x-nullable</c> (the JSON stays required for validation and requests).
/// </summary>
public sealed class NullableEnumsAndDates : IModelTransform
{
    public string Name => "nullable-enums-and-dates";

    public int Apply(JObject model, string modelFile)
    {
        if (model["definitions"] is not JObject definitions) return 0;
        var changed = 0;
        foreach (var (_, node) in definitions)
        {
            if (node is not JObject def || def["properties"] is not JObject props) continue;
            var required = (def["required"] as JArray)?.Values<string>().ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var (name, propNode) in props)
            {
                if (propNode is not JObject prop || !required.Contains(name) || prop["x-nullable"] is not null) continue;
                if (!IsEnumOrDate(model, prop)) continue;
                prop["x-nullable"] = true;
                changed++;
            }
        }
        return changed;
    }

    private static bool IsEnumOrDate(JObject model, JObject schema)
    {
        var target = schema["$ref"] is not null ? SwaggerWalk.Resolve(model, schema) : schema;
        if (target["enum"] is not null) return true;
        var format = target.Value<string>("format");
        return target.Value<string>("type") == "string" && format is "date-time" or "date";
    }
}
