using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Generation;

/// <summary>
/// Models come from upstream and from whatever folder <c>update --from</c> names: they are input, not trusted code.
/// NSwag's templates paste some model strings into C# as they are (the path template into string and char literals
/// and a comment, parameter names and media types into string literals, property names into attributes), so every
/// such string must match a plain pattern that needs no escaping; a model with anything else is refused, naming the
/// file and the JSON path. Documentation (description, summary, title) goes into <c>///</c> comments, where only a
/// line break could end the comment: C#'s other line terminators (U+0085, U+2028, U+2029, a lone CR) become LF.
/// </summary>
public static partial class UntrustedModelPolicy
{
    /// <summary>Longest name accepted (identifiers derived from it must stay well under C#'s 512-character limit).</summary>
    public const int MaxNameLength = 128;

    private static readonly HashSet<string> DocumentationKeys = new(StringComparer.Ordinal) { "description", "summary", "title" };
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch" };
    private static readonly HashSet<string> ParameterLocations = new(StringComparer.Ordinal) { "path", "query", "header", "body", "formData" };

    /// <summary>Refuses a model whose strings could not be emitted as plain literals or identifiers; then normalises documentation line breaks.</summary>
    public static void Apply(JObject model, string modelFile)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model["paths"] is JObject paths)
            foreach (var (path, item) in paths)
            {
                Check(PathTemplate().IsMatch(path) && path.Length <= 512, modelFile, paths.Property(path)!, path,
                    "path template must be '/' segments of letters, digits, - . _ ~ : @ ! $ & * + , ; = and {parameter} names (at most 512 characters)");
                if (item is JObject operations) CheckOperations(operations, modelFile);
            }
        if (model["parameters"] is JObject shared)
            foreach (var (_, parameter) in shared)
                if (parameter is JObject p) CheckParameter(p, modelFile);
        if (model["definitions"] is JObject definitions)
            foreach (var property in definitions.Properties())
                CheckName(Identifier(), modelFile, property, property.Name, "definition name");
        CheckMediaTypes(model, modelFile);
        Walk(model, modelFile);
    }

    private static void CheckOperations(JObject pathItem, string modelFile)
    {
        foreach (var (key, value) in pathItem)
        {
            if (key == "parameters" && value is JArray common)
                foreach (var p in common.OfType<JObject>()) CheckParameter(p, modelFile);
            if (!Methods.Contains(key) || value is not JObject operation) continue;
            if (operation["operationId"] is JValue id)
                CheckName(Identifier(), modelFile, id, id.ToString(), "operationId");
            if (operation["parameters"] is JArray parameters)
                foreach (var p in parameters.OfType<JObject>()) CheckParameter(p, modelFile);
            // NSwag compares the status code as a number: `if (status_ == 200)`.
            if (operation["responses"] is JObject responses)
                foreach (var response in responses.Properties())
                    Check(StatusCode().IsMatch(response.Name), modelFile, response, response.Name, "response key must be an HTTP status code (three digits) or 'default'");
            CheckMediaTypes(operation, modelFile);
        }
    }

    private static void CheckParameter(JObject parameter, string modelFile)
    {
        if (parameter["name"] is JValue name) CheckName(ParameterName(), modelFile, name, name.ToString(), "parameter name");
        if (parameter["in"] is JValue location)
            Check(ParameterLocations.Contains(location.ToString()), modelFile, location, location.ToString(), "parameter location must be path, query, header, body or formData");
    }

    private static void CheckMediaTypes(JObject owner, string modelFile)
    {
        foreach (var key in new[] { "consumes", "produces" })
            if (owner[key] is JArray types)
                foreach (var type in types)
                    Check(type.Type == JTokenType.String && MediaType().IsMatch(type.ToString()), modelFile, type, type.ToString(), "media type must be type/subtype with plain parameters");
    }

    /// <summary>Checks what can appear anywhere: property names, references, enum member names, and stray line terminators.</summary>
    /// <param name="inExample">Inside an example payload (known on the way down, not looked up per node).</param>
    private static void Walk(JToken token, string modelFile, bool inExample = false)
    {
        switch (token)
        {
            case JObject obj:
                if (!inExample) CheckSchemaValues(obj, modelFile);
                foreach (var property in obj.Properties().ToList())
                {
                    Check(!HasForeignLineBreak(property.Name), modelFile, property, property.Name, "names must not contain line terminators");
                    Check(!HasControl(property.Name), modelFile, property, property.Name, "names must not contain control characters");
                    if (property.Name == "properties" && property.Value is JObject properties && !inExample)
                        foreach (var p in properties.Properties())
                            CheckName(PropertyName(), modelFile, p, p.Name, "property name");
                    if (property.Name == "$ref" && property.Value is JValue reference)
                        Check(Reference().IsMatch(reference.ToString()), modelFile, reference, reference.ToString(),
                            "$ref must be #/definitions/, #/parameters/ or #/responses/ and a plain name");
                    if (property.Name is "x-enum-varnames" or "x-enumNames" && property.Value is JArray names)
                        foreach (var n in names) CheckName(Identifier(), modelFile, n, n.ToString(), "enum member name");
                    if (DocumentationKeys.Contains(property.Name) && property.Value is JValue { Type: JTokenType.String } doc)
                    {
                        Check(!HasControl((string)doc.Value!), modelFile, doc, (string)doc.Value!, "text must not contain control characters other than tab, CR and LF");
                        doc.Value = NormalizeLineBreaks((string)doc.Value!);
                    }
                    else
                        Walk(property.Value, modelFile, inExample || IsExampleKey(property.Name));
                }
                break;
            case JArray array:
                foreach (var item in array) Walk(item, modelFile, inExample);
                break;
            case JValue { Type: JTokenType.String } value:
                Check(!HasForeignLineBreak((string)value.Value!), modelFile, value, (string)value.Value!,
                    "text outside descriptions must not contain U+0085, U+2028 or U+2029 (C# reads them as line breaks)");
                Check(!HasControl((string)value.Value!), modelFile, value, (string)value.Value!, "text must not contain control characters other than tab, CR and LF");
                break;
        }
    }

    /// <summary>
    /// Keywords NSwag/NJsonSchema read as numbers, booleans or fixed names, or paste into code as they are (the default
    /// and enum values of a number or boolean): each must have its JSON type, or the model is refused here instead of
    /// the string becoming C# (or an unhandled error of the reader).
    /// </summary>
    private static void CheckSchemaValues(JObject obj, string modelFile)
    {
        foreach (var property in obj.Properties())
        {
            if (property.Value is not JValue value) continue; // a schema named like a keyword (in a properties map) is an object
            if (NumberKeywords.Contains(property.Name))
                Check(value.Type is JTokenType.Integer or JTokenType.Float, modelFile, value, value.ToString(), $"{property.Name} must be a JSON number");
            else if (BooleanKeywords.Contains(property.Name))
                Check(value.Type == JTokenType.Boolean, modelFile, value, value.ToString(), $"{property.Name} must be true or false");
            else if (property.Name == "discriminator")
                // NSwag writes it into an attribute as it is: [JsonConverter(typeof(JsonInheritanceConverter), "...")].
                CheckName(PropertyName(), modelFile, value, value.ToString(), "discriminator (a property name)");
            else if (NamedValues.TryGetValue(property.Name, out var allowed))
                Check(value.Type == JTokenType.String && allowed.Contains(value.ToString()), modelFile, value, value.ToString(),
                    $"{property.Name} must be one of {string.Join(", ", allowed)}");
        }
        // NJsonSchema writes a default as a member of the enum (`= ItemStatus.X`), sanitised: a default outside it names no member.
        if ((obj["enum"] as JArray ?? ReferencedEnum(obj)) is { } values && obj["default"] is { } enumDefault)
            Check(values.Any(v => JToken.DeepEquals(v, enumDefault)), modelFile, enumDefault, enumDefault.ToString(), "the default must be one of the enum values");
        if (obj["type"] is not JValue { Type: JTokenType.String } type || type.ToString() is not ("integer" or "number" or "boolean")) return;
        var fits = (JToken t) => type.ToString() switch
        {
            "integer" => t.Type == JTokenType.Integer,
            "number" => t.Type is JTokenType.Integer or JTokenType.Float,
            _ => t.Type == JTokenType.Boolean,
        };
        if (obj["default"] is { } defaultValue)
            Check(fits(defaultValue), modelFile, defaultValue, defaultValue.ToString(), $"the default of a schema of type {type} must be a JSON {type}");
        if (obj["enum"] is JArray members)
            foreach (var member in members)
                Check(fits(member), modelFile, member, member.ToString(), $"the enum values of a schema of type {type} must be JSON {type}s");
    }

    /// <summary>The enum values of the definition a schema refers to (<c>$ref</c> or a one-item <c>allOf</c>), or null.</summary>
    private static JArray? ReferencedEnum(JObject schema)
    {
        var reference = schema["$ref"] ?? (schema["allOf"] is JArray { Count: 1 } all ? all[0]?["$ref"] : null);
        const string prefix = "#/definitions/";
        return reference is JValue { Type: JTokenType.String } r && r.ToString().StartsWith(prefix, StringComparison.Ordinal)
            ? schema.Root["definitions"]?[r.ToString()[prefix.Length..]]?["enum"] as JArray
            : null;
    }

    private static readonly HashSet<string> NumberKeywords = new(StringComparer.Ordinal)
        { "maximum", "minimum", "maxLength", "minLength", "maxItems", "minItems", "multipleOf", "maxProperties", "minProperties" };

    private static readonly HashSet<string> BooleanKeywords = new(StringComparer.Ordinal)
        { "exclusiveMaximum", "exclusiveMinimum", "uniqueItems", "readOnly", "allowEmptyValue", "x-nullable", "required" };

    private static readonly Dictionary<string, string[]> NamedValues = new(StringComparer.Ordinal)
    {
        // Schema and parameter types, then security scheme types (securityDefinitions).
        ["type"] = ["string", "number", "integer", "boolean", "array", "object", "file", "oauth2", "apiKey", "basic"],
        ["collectionFormat"] = ["csv", "ssv", "tsv", "pipes", "multi"],
    };

    private static bool HasControl(string s)
    {
        foreach (var c in s)
            if (c < ' ' && c is not ('\t' or '\n' or '\r') || c == '\u007F') return true;
        return false;
    }

    // Example payloads (x-amzn-api-sandbox, example) hold data, not schema: their keys are not property names.
    private static bool IsExampleKey(string name) => name.StartsWith("x-", StringComparison.Ordinal) || name is "example" or "examples";

    private static bool HasForeignLineBreak(string s) => s.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029') >= 0;

    /// <summary>CR LF, lone CR, U+0085, U+2028 and U+2029 become LF, the only line break NSwag's doc filter continues with <c>///</c>.</summary>
    public static string NormalizeLineBreaks(string s) =>
        s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');

    private static void CheckName(Regex pattern, string modelFile, JToken at, string name, string what)
    {
        Check(name.Length <= MaxNameLength, modelFile, at, name, $"{what} is longer than {MaxNameLength} characters");
        Check(pattern.IsMatch(name), modelFile, at, name, $"{what} must be plain ASCII matching {pattern}");
    }

    private static void Check(bool ok, string modelFile, JToken at, string value, string problem)
    {
        if (ok) return;
        var shown = value.Length > 80 ? value[..80] + "..." : value;
        throw new GeneratorException($"{modelFile}: {Printable(at.Path)}: {problem}; got \"{Printable(shown)}\". The model is refused: its text would have to become C# code.");
    }

    /// <summary>The text with anything that is not printable ASCII shown as \uXXXX, so a refusal can be printed safely.</summary>
    public static string Printable(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (c is >= ' ' and <= '~' and not '\\') sb.Append(c);
            else if (c == '\\') sb.Append(@"\\");
            else sb.Append($"\\u{(int)c:X4}");
        return sb.ToString();
    }

    [GeneratedRegex(@"^(/([A-Za-z0-9\-._~:@!$&*+,;=]|\{[A-Za-z_][A-Za-z0-9_\-.]*\})*)+$")]
    private static partial Regex PathTemplate();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^([1-5][0-9][0-9]|default)$")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-\[\]]+$")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-$@]+$")]
    private static partial Regex PropertyName();

    [GeneratedRegex(@"^#/(definitions|parameters|responses)/[A-Za-z0-9_.\-]+$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[A-Za-z0-9!#$&^_.+\-]+/[A-Za-z0-9!#$&^_.+\-]+(\s*;\s*[A-Za-z0-9!#$&^_.+\-]+=[A-Za-z0-9!#$&^_.+\-]+)*$")]
    private static partial Regex MediaType();
}
