using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Diff;

/// <summary>
/// The parts of a schema (or of a non-body parameter, which carries the same keywords) that decide the
/// generated C# type, read within one document.
/// </summary>
internal static class SchemaShape
{
    /// <summary>Keywords that become validation attributes, defaults or wire formatting, but not C# types.</summary>
    public static readonly string[] ConstraintKeywords =
    [
        "maxLength", "minLength", "pattern", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum",
        "maxItems", "minItems", "uniqueItems", "multipleOf", "maxProperties", "minProperties", "default",
        "collectionFormat", "readOnly", "allowEmptyValue",
    ];

    /// <summary>
    /// A name for the C# type the schema generates: the definition name for a reference, <c>array&lt;T&gt;</c>,
    /// <c>map&lt;T&gt;</c>, <c>object</c> for inline objects, and <c>type(format)</c> for primitives, with
    /// <c>enum</c> appended when values are restricted (NSwag then generates an enum type, not a string).
    /// </summary>
    public static string TypeName(SwaggerDocument document, JToken? schema)
    {
        if (schema is not JObject obj) return "none";
        if (document.RefName(obj) is { } reference) return reference;
        var allOf = obj["allOf"] as JArray;
        if (allOf is { Count: 1 } && obj["properties"] is null && document.RefName(allOf[0]) is { } single) return single;

        var type = obj.Value<string>("type");
        if (type is null)
            return obj["properties"] is not null || allOf is not null ? "object"
                : obj["additionalProperties"] is not null ? Map(document, obj) : "any";
        switch (type)
        {
            case "array":
                return $"array<{TypeName(document, obj["items"])}>";
            case "object":
                return obj["properties"] is null && allOf is null && obj["additionalProperties"] is JObject or JValue { Type: JTokenType.Boolean, Value: true }
                    ? Map(document, obj)
                    : "object";
            default:
                var format = obj.Value<string>("format");
                var name = format is null ? type : $"{type}({format})";
                return obj["enum"] is JArray ? name + " enum" : name;
        }
    }

    private static string Map(SwaggerDocument document, JObject obj) =>
        obj["additionalProperties"] is JObject values ? $"map<{TypeName(document, values)}>" : "map<any>";

    /// <summary>
    /// The properties of an object schema, including those its allOf parts contribute, which are required, and
    /// the definitions those parts referenced.
    /// </summary>
    public static (IReadOnlyDictionary<string, JToken> Properties, ISet<string> Required, ISet<string> Parts) Properties(SwaggerDocument document, JToken? schema)
    {
        var properties = new Dictionary<string, JToken>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var parts = new HashSet<string>(StringComparer.Ordinal);
        Collect(document, schema, properties, required, parts);
        return (properties, required, parts);
    }

    private static void Collect(SwaggerDocument document, JToken? schema, Dictionary<string, JToken> properties, HashSet<string> required, HashSet<string> seen)
    {
        if (schema is not JObject obj) return;
        if (document.RefName(obj) is { } reference)
        {
            if (seen.Add(reference)) Collect(document, document.Definition(reference), properties, required, seen);
            return;
        }
        if (obj["properties"] is JObject own)
            foreach (var (name, value) in own)
                if (value is not null) properties.TryAdd(name, value);
        if (obj["required"] is JArray names)
            foreach (var name in names.Values<string>())
                if (name is not null) required.Add(name);
        if (obj["allOf"] is JArray parts)
            foreach (var part in parts) Collect(document, part, properties, required, seen);
    }

    public static bool HasProperties(JToken? schema) => schema is JObject obj && (obj["properties"] is not null || obj["allOf"] is not null);

    public static IReadOnlyList<string> EnumValues(JToken? schema) =>
        schema is JObject { } obj && obj["enum"] is JArray values
            ? values.Select(v => v.Type == JTokenType.String ? (string)v! : v.ToString(Formatting.None)).ToList()
            : [];

    /// <summary>The constraint keyword's value as JSON, or "none".</summary>
    public static string Constraint(JToken? schema, string keyword) =>
        schema is JObject obj && obj[keyword] is { } value ? value.ToString(Formatting.None) : "none";
}
