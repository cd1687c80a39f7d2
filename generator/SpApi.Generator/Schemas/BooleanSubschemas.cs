using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Schemas;

/// <summary>
/// Draft-07 allows <c>true</c>/<c>false</c> as a subschema (the listings feed uses <c>"patches": false</c>
/// inside <c>oneOf</c> branches to say "not here"); NJsonSchema reads only object subschemas. For type
/// generation a <c>true</c> property is "anything" (<c>{}</c>) and a <c>false</c> one constrains a branch but adds
/// no member, so it is dropped. Applied in memory; the pinned file is untouched.
/// </summary>
public static class BooleanSubschemas
{
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "definitions", "$defs", "dependencies"];
    private static readonly string[] SchemaSlots = ["items", "additionalItems", "contains", "propertyNames", "if", "then", "else", "not"];

    public static int Apply(JToken node)
    {
        var changed = 0;
        if (node is JObject obj)
        {
            foreach (var map in SchemaMaps)
                if (obj[map] is JObject members)
                    foreach (var p in members.Properties().ToArray())
                        if (p.Value.Type == JTokenType.Boolean)
                        {
                            if (p.Value.Value<bool>()) p.Value = new JObject();
                            else p.Remove();
                            changed++;
                        }
            foreach (var slot in SchemaSlots)
                if (obj[slot] is JValue { Type: JTokenType.Boolean } v)
                {
                    obj[slot] = v.Value<bool>() ? new JObject() : new JObject { ["not"] = new JObject() };
                    changed++;
                }
            foreach (var p in obj.Properties())
                if (p.Name is not ("examples" or "default" or "const" or "enum" or "example"))
                    changed += Apply(p.Value);
        }
        else if (node is JArray array)
            foreach (var item in array) changed += Apply(item);
        return changed;
    }
}
