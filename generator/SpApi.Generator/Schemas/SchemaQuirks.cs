using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Schemas;

/// <summary>
/// Schema quirks fixed in memory before type generation, each named for the problem it fixes (the pinned
/// files are never edited). Applied in order; returns how often each applied, for the generator's log.
/// </summary>
public static class SchemaQuirks
{
    public static IReadOnlyDictionary<string, int> Apply(JToken schema) => new Dictionary<string, int>
    {
        ["misspelled-ref"] = MisspelledReferences(schema),
        ["boolean-subschemas"] = BooleanSubschemas.Apply(schema),
        ["unresolvable-ref"] = UnresolvableReferences.Apply(schema),
        ["validation-only-branches"] = ValidationOnlyBranches(schema),
        ["tuple-items"] = TupleItems(schema),
    };

    /// <summary>
    /// <c>"items": [ {X} ], "additionalItems": true</c> (B2bAnyOfferChanged, PricingHealth: "a list of offers") is a
    /// tuple in JSON Schema terms; NJsonSchema would emit an uncompilable <c>Tuple&lt;X&gt;</c> with no constructor.
    /// Where every tuple slot has the same schema it is meant as a list of X; otherwise a list of anything.
    /// </summary>
    public static int TupleItems(JToken node) => Walk(node, obj =>
    {
        if (obj["items"] is not JArray slots) return 0;
        var first = slots.FirstOrDefault();
        obj["items"] = first is JObject && slots.All(s => JToken.DeepEquals(s, first)) ? first.DeepClone() : new JObject();
        obj.Remove("additionalItems");
        return 1;
    });

    /// <summary>
    /// <c>"#ref"</c> where <c>"$ref"</c> was meant (B2bAnyOfferChangedNotification at the current pin): without the
    /// fix the document has no type at all.
    /// </summary>
    public static int MisspelledReferences(JToken node) => Walk(node, obj =>
    {
        if (obj["$ref"] is null && obj["#ref"] is JValue { Type: JTokenType.String } r && ((string)r!).StartsWith('#'))
        {
            obj.Remove("#ref");
            obj["$ref"] = r;
            return 1;
        }
        return 0;
    });

    /// <summary>
    /// <c>oneOf</c>/<c>anyOf</c> branches that only restate or forbid the parent's own properties (the listings
    /// message: "UPDATE needs productType", "DELETE has no attributes") validate, they add no member. NJsonSchema
    /// would build the type from a branch and lose the parent's properties, so such branches are dropped.
    /// </summary>
    public static int ValidationOnlyBranches(JToken node) => Walk(node, obj =>
    {
        if (obj["properties"] is not JObject own) return 0;
        var changed = 0;
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (obj[keyword] is not JArray branches) continue;
            var onlyValidation = branches.All(b => b is JObject branch
                && branch["$ref"] is null
                && (branch["properties"] as JObject)?.Properties().All(p => own[p.Name] is not null) != false);
            if (!onlyValidation) continue;
            obj.Remove(keyword);
            changed++;
        }
        return changed;
    });

    private static int Walk(JToken node, Func<JObject, int> fix)
    {
        var changed = 0;
        if (node is JObject obj)
        {
            changed += fix(obj);
            foreach (var p in obj.Properties().ToArray())
                if (p.Name is not ("examples" or "default" or "const" or "enum" or "example"))
                    changed += Walk(p.Value, fix);
        }
        else if (node is JArray array)
            foreach (var item in array.ToArray()) changed += Walk(item, fix);
        return changed;
    }
}
