using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Schemas;

/// <summary>
/// Schema quirks fixed in memory before type generation, each named for the problem it fixes (the pinned
/// files are never edited). Applied in order; returns how often each applied, for the generator's log.
/// </summary>
public static class SchemaQuirks
{
    /// <param name="extraExamples">Examples kept beside the schema (<c>*.example.json</c>), besides its own <c>examples</c>.</param>
    public static IReadOnlyDictionary<string, int> Apply(JToken schema, IEnumerable<JToken>? extraExamples = null) => new Dictionary<string, int>
    {
        ["misspelled-ref"] = MisspelledReferences(schema),
        ["boolean-subschemas"] = BooleanSubschemas.Apply(schema),
        ["unresolvable-ref"] = UnresolvableReferences.Apply(schema),
        ["validation-only-branches"] = ValidationOnlyBranches(schema),
        ["tuple-items"] = TupleItems(schema),
        ["enum-values-from-examples"] = EnumValuesFromExamples(schema, extraExamples ?? []),
    };

    /// <summary>
    /// Amazon's own examples use enum values the schema's <c>enum</c> lacks (ListingsItemStatusChange's
    /// NotificationType <c>LISTINGS_ITEM_STATUS_CHANGE</c> against an enum of <c>…_CHANGED</c>; accountHealth's
    /// <c>SUSPENDED</c>). What Amazon shows it sends must stay typed, so such values join the enum. (Values in no
    /// example still read tolerantly, as null/default.)
    /// </summary>
    public static int EnumValuesFromExamples(JToken schema, IEnumerable<JToken> extraExamples)
    {
        if (schema is not JObject root) return 0;
        var examples = ((root["examples"] as JArray) ?? []).Concat(extraExamples).ToArray();
        return examples.Sum(e => AddEnumValues(root, root, e, 0));
    }

    private static int AddEnumValues(JObject root, JObject schema, JToken example, int depth)
    {
        if (depth > 64) return 0;
        if (schema["$ref"] is JValue { Type: JTokenType.String } r && UnresolvableReferences.Resolve(root, (string)r!) is JObject target)
            return AddEnumValues(root, target, example, depth + 1);
        var added = 0;
        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
            if (schema[keyword] is JArray parts)
                foreach (var part in parts.OfType<JObject>())
                    added += AddEnumValues(root, part, example, depth + 1);
        if (schema["enum"] is JArray values && example.Type == JTokenType.String
            && values.All(v => v.Type == JTokenType.String) && !values.Any(v => JToken.DeepEquals(v, example)))
        {
            values.Add(example.DeepClone());
            added++;
        }
        if (example is JObject obj && schema["properties"] is JObject props)
            foreach (var p in obj.Properties())
                if (props[p.Name] is JObject sub) added += AddEnumValues(root, sub, p.Value, depth + 1);
        if (example is JArray array && schema["items"] is JObject items)
            foreach (var item in array) added += AddEnumValues(root, items, item, depth + 1);
        return added;
    }

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
