using Newtonsoft.Json.Linq;
using SpApi.Generator.Models;

namespace SpApi.Generator.Preprocessing;

/// <summary>
/// NJsonSchema names inline enums and inline array items that have no property to be named after
/// <c>Anonymous</c>, <c>Anonymous2</c>… (16 models), which is useless in C# and unstable across model
/// updates. Give each a title (NJsonSchema uses a schema's title as its type name):
/// parameter enums after the parameter (<c>processingStatuses</c> -> <c>ProcessingStatus</c>), inline items
/// of an array definition after the definition (<c>OrderItems</c> -> <c>OrderItemsEntry</c> when
/// <c>OrderItem</c> is taken), inline items of an array property after class and property.
/// </summary>
public sealed class NameInlineTypes : IModelTransform
{
    public string Name => "name-inline-types";

    public int Apply(JObject model, string modelFile)
    {
        var taken = ((model["definitions"] as JObject)?.Properties().Select(p => p.Name) ?? [])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var changed = 0;

        foreach (var (path, _, op) in SwaggerWalk.Operations(model))
            foreach (var p in SwaggerWalk.Parameters(model, path, op))
            {
                if (p.Value<string>("in") == "body") continue;
                var hint = ApiName.Pascal(Singular(p.Value<string>("name") ?? "Value"));
                changed += Title(p["items"] as JObject, hint, taken);
                if (p["enum"] is not null && p["type"]?.Value<string>() != "array")
                    changed += 0; // a scalar enum parameter is generated as its own enum only via items; nothing to do
            }

        if (model["definitions"] is JObject definitions)
            foreach (var (name, node) in definitions)
            {
                if (node is not JObject def) continue;
                var singular = Singular(name);
                var itemHint = singular != name && !taken.Contains(singular) ? singular : name + "Entry";
                changed += Title(def["items"] as JObject, itemHint, taken);
                if (def["properties"] is JObject props)
                    foreach (var (propName, propNode) in props)
                        if (propNode is JObject prop && prop["type"]?.Value<string>() == "array")
                            changed += Title(prop["items"] as JObject, name + ApiName.Pascal(Singular(propName)), taken);
            }
        return changed;
    }

    /// <summary>Titles an inline enum or object schema (never a $ref, never one that has a title).</summary>
    private static int Title(JObject? schema, string hint, HashSet<string> taken)
    {
        if (schema is null || schema["$ref"] is not null || schema["title"] is not null) return 0;
        var isEnum = schema["enum"] is not null;
        var isObject = schema["properties"] is not null;
        if (!isEnum && !isObject) return 0;
        var title = hint;
        for (var n = 2; taken.Contains(title); n++) title = hint + n;
        taken.Add(title);
        schema["title"] = title;
        return 1;
    }

    internal static string Singular(string word)
    {
        if (word.EndsWith("Statuses", StringComparison.Ordinal) || word.EndsWith("statuses", StringComparison.Ordinal)) return word[..^2];
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 3) return word[..^1];
        return word;
    }
}
