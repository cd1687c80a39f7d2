using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpApi.Cli.Bench.Faults.Models;

/// <summary>
/// Where a hostile value goes in the small model of <see cref="HostileModel"/>: <see cref="Place"/> puts a value there,
/// <see cref="Benign"/> is the harmless value of the twin model, <see cref="JsonPath"/> what a refusal must name
/// (a part of the JSON path, alternatives separated by <c>|</c>; "file name" when the value is the model file's name).
/// </summary>
internal sealed record ModelPlace(string Name, string JsonPath, string Benign, Action<JsonObject, string> Place, bool InFileName = false);

/// <summary>A small, complete SP-API-like model (one GET with a path, query and header parameter; two definitions) and every place model text can come from.</summary>
internal static class HostileModel
{
    public const string HostileFile = "hostile-api-model/hostileV0.json";
    public const string TwinFile = "benign-api-model/benignV0.json";
    public const string TwinNamespace = "SpApi.Benign.V0";
    private const string ItemPath = "/hostile/v0/items/{itemId}";

    private static readonly JsonSerializerOptions Write = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Names: each must end up a valid identifier, a literal, or be refused.</summary>
    public static readonly ModelPlace[] Names =
    [
        new("path", "paths", "/benign", (m, v) => Rename(Obj(m, "paths"), ItemPath, ItemPath + v)),
        new("operationId", "operationId", "getBenign", (m, v) => Get(m)["operationId"] = v),
        new("parameter", "parameters", "benign", (m, v) => Obj(Get(m)["parameters"]![1]!)["name"] = v),
        new("header", "parameters", "x-benign", (m, v) => Obj(Get(m)["parameters"]![2]!)["name"] = v),
        new("property", "properties", "benign", (m, v) => Properties(m)[v] = new JsonObject { ["type"] = "string" }),
        new("definition", "definitions", "Benign", (m, v) =>
        {
            Obj(m, "definitions")[v] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = new JsonObject { ["type"] = "string" } } };
            Properties(m)["other"] = new JsonObject { ["$ref"] = "#/definitions/" + v };
        }),
        new("enum-name", "x-enum-varnames", "Gone", (m, v) => Obj(Properties(m)["status"]!)["x-enum-varnames"] = new JsonArray("Ok", v)),
        new("ref", "$ref", "", (m, v) => Obj(Get(m)["responses"]!["200"]!["schema"]!)["$ref"] = "#/definitions/Item" + v),
        new("media-type", "produces", "", (m, v) => Get(m)["produces"] = new JsonArray("application/json" + v)),
        new("status-code", "responses", "", (m, v) => Rename(Obj(Get(m)["responses"]!), "200", "200" + v)),
        new("tag", "tags", "benign", (m, v) => Get(m)["tags"] = new JsonArray(v)),
        new("security-scope", "security", "benign", (m, v) => Get(m)["security"] = new JsonArray(new JsonObject { ["oauth"] = new JsonArray(v) })),
        // The discriminator names a property: alone first (NSwag writes it into an attribute), then with that property.
        new("discriminator", "discriminator", "kind", (m, v) => Obj(m["definitions"]!["Item"]!)["discriminator"] = v),
        new("discriminator-property", "discriminator|properties", "kind", (m, v) =>
        {
            Obj(m["definitions"]!["Item"]!)["discriminator"] = v;
            Properties(m)[v] = new JsonObject { ["type"] = "string" };
            Obj(m["definitions"]!["Item"]!)["required"] = new JsonArray(v);
        }),
        new("response-header", "headers", "x-benign", (m, v) =>
            Obj(Get(m)["responses"]!["200"]!)["headers"] = new JsonObject { [v] = new JsonObject { ["type"] = "string", ["description"] = "A header." } }),
        new("model-file", "file name", "", (_, _) => { }, InFileName: true),
    ];

    /// <summary>Text: each must end up in a literal or a doc comment, or be refused.</summary>
    public static readonly ModelPlace[] Texts =
    [
        new("docs", "description|summary|title", "Benign text.", (m, v) =>
        {
            foreach (var doc in Walk(m).Where(p => p.Key is "description" or "summary" or "title" && p.Value is JsonValue).ToList())
                doc.Parent[doc.Key] = "Text " + v + " end.";
        }),
        new("enum-value", "enum", "BENIGN", (m, v) => Obj(Properties(m)["status"]!)["enum"] = new JsonArray("OK", "GONE", v)),
        new("default", "default", "benign", (m, v) =>
        {
            Obj(Properties(m)["name"]!)["default"] = v;
            Obj(Get(m)["parameters"]![1]!)["default"] = v;
        }),
        new("enum-default", "default", "GONE", (m, v) => Obj(Properties(m)["status"]!)["default"] = v),
        new("ref-enum-default", "default", "GONE", (m, v) =>
        {
            Obj(m, "definitions")["Status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("OK", "GONE") };
            Properties(m)["state"] = new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/Status" }), ["default"] = v };
        }),
        new("date-default", "default", "2024-01-01T00:00:00Z", (m, v) => Properties(m)["since"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["default"] = v }),
        new("parameter-enum", "enum", "b", (m, v) =>
        {
            var q = Obj(Get(m)["parameters"]![1]!);
            q["enum"] = new JsonArray("a", v);
            q["default"] = v;
        }),
        new("integer-default", "default", "1", (m, v) => Properties(m)["count"] = new JsonObject { ["type"] = "integer", ["default"] = Typed(v) }),
        new("integer-enum", "enum", "2", (m, v) => Properties(m)["level"] = new JsonObject { ["type"] = "integer", ["enum"] = new JsonArray(1, Typed(v)) }),
        new("boolean-default", "default", "true", (m, v) => Properties(m)["flag"] = new JsonObject { ["type"] = "boolean", ["default"] = Typed(v) }),
        new("maximum", "maximum", "5", (m, v) => Properties(m)["count"] = new JsonObject { ["type"] = "integer", ["maximum"] = Typed(v) }),
        new("max-length", "maxLength", "5", (m, v) => Obj(Properties(m)["name"]!)["maxLength"] = Typed(v)),
        new("type", "type", "string", (m, v) => Obj(Properties(m)["name"]!)["type"] = v),
        new("collection-format", "collectionFormat", "csv", (m, v) =>
        {
            var q = Obj(Get(m)["parameters"]![1]!);
            q["type"] = "array";
            q["items"] = new JsonObject { ["type"] = "string" };
            q["collectionFormat"] = v;
        }),
        new("example", "example", "benign", (m, v) => Obj(Properties(m)["name"]!)["example"] = v),
        new("pattern", "pattern", "benign", (m, v) => Obj(Properties(m)["name"]!)["pattern"] = "^" + v + "$"),
        new("format", "format", "benign", (m, v) => Obj(Properties(m)["name"]!)["format"] = v),
        new("info-version", "version", "v0", (m, v) => Obj(m, "info")["version"] = v),
        new("base-path", "basePath", "/benign", (m, v) => m["basePath"] = "/" + v),
    ];

    /// <summary>The model file's path for <paramref name="place"/> and the value, and the model text.</summary>
    public static (string File, string Json) Build(ModelPlace place, string value, bool twin)
    {
        var model = Base();
        if (!place.InFileName) place.Place(model, value);
        var file = twin ? TwinFile : place.InFileName ? $"hostile-api-model/hostile{value}V0.json" : HostileFile;
        return (file, model.ToJsonString(Write));
    }

    /// <summary>The model (HostileModel.json, embedded; the generator's HostileModelTests use the same file).</summary>
    private static JsonObject Base()
    {
        using var stream = typeof(HostileModel).Assembly.GetManifestResourceStream(typeof(HostileModel).FullName + ".json")
            ?? throw new InvalidOperationException("HostileModel.json is not embedded");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>A number or boolean as itself (the twin's value of a typed keyword), anything else as a string.</summary>
    private static JsonNode Typed(string value) =>
        value is "true" or "false" || double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? JsonNode.Parse(value)!
            : JsonValue.Create(value);

    private static JsonObject Obj(JsonNode node, string? key = null) => (key is null ? node : node[key]!).AsObject();

    private static JsonObject Get(JsonObject model) => Obj(model["paths"]![ItemPath] ?? Obj(model, "paths").First().Value!, "get");

    private static JsonObject Properties(JsonObject model) => Obj(model["definitions"]!["Item"]!, "properties");

    /// <summary>Renames a key in place (order kept: the twin must come out in the same order).</summary>
    private static void Rename(JsonObject obj, string from, string to)
    {
        var entries = obj.ToList();
        obj.Clear();
        foreach (var (key, value) in entries) obj[key == from ? to : key] = value;
    }

    private static IEnumerable<(JsonObject Parent, string Key, JsonNode? Value)> Walk(JsonNode? node)
    {
        if (node is JsonObject obj)
            foreach (var (key, value) in obj.ToList())
            {
                yield return (obj, key, value);
                foreach (var inner in Walk(value)) yield return inner;
            }
        else if (node is JsonArray array)
            foreach (var item in array)
                foreach (var inner in Walk(item)) yield return inner;
    }
}
