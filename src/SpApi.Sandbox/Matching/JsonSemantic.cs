using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Matching;

/// <summary>
/// Semantic JSON equality as SP-API payloads need it: property order is irrelevant, a null property
/// equals a missing one, numbers compare by value (<c>15.0</c> = <c>15</c>), and two ISO-8601
/// date-time strings compare as instants (<c>...Z</c> = <c>...+00:00</c>).
/// </summary>
public static class JsonSemantic
{
    public static bool AreEqual(JToken? expected, JToken? actual) => FindDifference(expected, actual) is null;

    /// <summary>The first difference as <c>$.path: expected X, got Y</c>, or null when equal.</summary>
    public static string? FindDifference(JToken? expected, JToken? actual) => Compare(expected, actual, "$");

    private static string? Compare(JToken? expected, JToken? actual, string path)
    {
        var expectedMissing = IsNull(expected);
        var actualMissing = IsNull(actual);
        if (expectedMissing || actualMissing)
            return expectedMissing == actualMissing ? null : Describe(path, expected, actual);

        return (expected!, actual!) switch
        {
            (JObject e, JObject a) => CompareObjects(e, a, path),
            (JArray e, JArray a) => CompareArrays(e, a, path),
            (JValue e, JValue a) => ScalarsEqual(e, a) ? null : Describe(path, e, a),
            _ => Describe(path, expected, actual),
        };
    }

    private static string? CompareObjects(JObject expected, JObject actual, string path)
    {
        var names = expected.Properties().Select(p => p.Name)
            .Concat(actual.Properties().Select(p => p.Name))
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (Compare(expected[name], actual[name], $"{path}.{name}") is { } difference) return difference;
        }
        return null;
    }

    private static string? CompareArrays(JArray expected, JArray actual, string path)
    {
        if (expected.Count != actual.Count)
            return $"{path}: expected {expected.Count} item(s), got {actual.Count}";
        for (var i = 0; i < expected.Count; i++)
        {
            if (Compare(expected[i], actual[i], $"{path}[{i}]") is { } difference) return difference;
        }
        return null;
    }

    /// <summary>Scalar equality used for bodies and (via strings) for parameters.</summary>
    internal static bool ScalarsEqual(JValue expected, JValue actual)
    {
        if (IsNumber(expected) && IsNumber(actual)) return NumbersEqual(expected, actual);
        if (expected.Type == JTokenType.Boolean && actual.Type == JTokenType.Boolean)
            return (bool)expected.Value! == (bool)actual.Value!;
        if (expected.Type == JTokenType.String && actual.Type == JTokenType.String)
            return StringsEqual((string)expected.Value!, (string)actual.Value!);
        return AsInstant(expected) is { } e && AsInstant(actual) is { } a && e == a;
    }

    /// <summary>A date token (parsed by a reader that recognises dates) or an ISO-8601 string, as an instant.</summary>
    private static DateTimeOffset? AsInstant(JValue value) => value.Value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
        string s when TryParseDateTime(s, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>Equal text, or two ISO-8601 date-times for the same instant.</summary>
    internal static bool StringsEqual(string expected, string actual) =>
        string.Equals(expected, actual, StringComparison.Ordinal)
        || (TryParseDateTime(expected, out var e) && TryParseDateTime(actual, out var a) && e == a);

    /// <summary>Parses ISO-8601 date-times only (<c>2024-01-01T10:00:00Z</c>), never free text or plain numbers.</summary>
    internal static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't')) return false;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static bool NumbersEqual(JValue expected, JValue actual)
    {
        try
        {
            return Convert.ToDecimal(expected.Value, CultureInfo.InvariantCulture) == Convert.ToDecimal(actual.Value, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return Convert.ToDouble(expected.Value, CultureInfo.InvariantCulture).Equals(Convert.ToDouble(actual.Value, CultureInfo.InvariantCulture));
        }
    }

    private static bool IsNumber(JToken token) => token.Type is JTokenType.Integer or JTokenType.Float;

    private static bool IsNull(JToken? token) => token is null || token.Type is JTokenType.Null or JTokenType.Undefined;

    private static string Describe(string path, JToken? expected, JToken? actual) =>
        $"{path}: expected {Show(expected)}, got {Show(actual)}";

    /// <summary>Short rendering for messages: long values are cut.</summary>
    internal static string Show(JToken? token)
    {
        if (IsNull(token)) return "nothing";
        var text = token!.ToString(Formatting.None);
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
