using System.Globalization;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Matching;

/// <summary>
/// Compares a case's parameter value with what arrived on the wire, by the parameter's declared type:
/// arrays are split by their collection format (and may also arrive repeated), numbers and booleans
/// compare by value, date-times as instants, everything else as exact text.
/// </summary>
internal static class ParameterComparer
{
    /// <summary>Null when equal; otherwise why not.</summary>
    public static string? Compare(SandboxCaseParameter parameter, IncomingRequest request)
    {
        var definition = parameter.Definition;
        var actual = Actual(definition, request);
        if (actual is null) return $"{Label(definition)}: expected {JsonSemantic.Show(parameter.Value)}, got nothing";

        var expectedItems = ExpectedItems(definition, parameter.Value);
        var actualItems = definition.IsArray ? SplitArray(definition, actual) : actual;
        if (expectedItems.Count == actualItems.Count && expectedItems.Zip(actualItems).All(p => ScalarEquals(p.First, p.Second)))
            return null;
        return $"{Label(definition)}: expected {JsonSemantic.Show(parameter.Value)}, got {Show(actualItems)}";
    }

    private static IReadOnlyList<string>? Actual(ModelParameter definition, IncomingRequest request) => definition.Location switch
    {
        ParameterLocation.Path => request.PathValues.TryGetValue(definition.Name, out var v) ? [v] : null,
        ParameterLocation.Query => request.Query.TryGetValue(definition.Name, out var v) ? v : null,
        ParameterLocation.Header => request.Headers.TryGetValue(definition.Name, out var v) ? [v] : null,
        _ => null,
    };

    private static IReadOnlyList<JToken> ExpectedItems(ModelParameter definition, JToken value) =>
        definition.IsArray && value is JArray array ? array.ToArray()
        : definition.IsArray && value.Type == JTokenType.String && definition.ArraySeparator is { } separator
            ? ((string)value!).Split(separator).Select(s => (JToken)s).ToArray()
            : [value];

    /// <summary>Accepts both <c>A,B</c> and repeated <c>x=A&amp;x=B</c> for csv arrays; multi arrays are never split.</summary>
    private static IReadOnlyList<string> SplitArray(ModelParameter definition, IReadOnlyList<string> raw) =>
        definition.ArraySeparator is { } separator ? raw.SelectMany(v => v.Split(separator)).ToArray() : raw;

    private static bool ScalarEquals(JToken expected, string actual) => expected.Type switch
    {
        JTokenType.String => JsonSemantic.StringsEqual((string)expected!, actual),
        JTokenType.Integer or JTokenType.Float =>
            double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && JsonSemantic.NumbersEqual(((JValue)expected).Value!, number),
        JTokenType.Boolean => bool.TryParse(actual, out var flag) && flag == expected.Value<bool>(),
        JTokenType.Null => actual.Length == 0,
        _ => false,
    };

    private static string Label(ModelParameter definition) =>
        $"{definition.Name} ({definition.Location.ToString().ToLowerInvariant()})";

    private static string Show(IReadOnlyList<string> values)
    {
        var text = values.Count == 1 ? $"\"{values[0]}\"" : "[" + string.Join(", ", values.Select(v => $"\"{v}\"")) + "]";
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
