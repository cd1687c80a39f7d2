using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Matching;

/// <summary>
/// Semantic JSON equality as SP-API payloads need it: property order is irrelevant, a null property
/// equals a missing one, numbers compare by value (<c>15.0</c> = <c>15</c>, and single-precision
/// rounding is tolerated), and date-time strings compare as instants (<c>...Z</c> = <c>...+00:00</c>,
/// <c>2025-01-12</c> = <c>2025-01-12T00:00:00Z</c>).
/// </summary>
public static class JsonSemantic
{
    /// <summary>Relative difference below which two numbers are equal (covers float round trips, 5.905511805 vs 5.905512).</summary>
    private const double Tolerance = 1e-6;

    /// <summary>True when <paramref name="expected"/> and <paramref name="actual"/> mean the same JSON (see the class remarks).</summary>
    public static bool AreEqual(JToken? expected, JToken? actual, JsonComparison? comparison = null) =>
        FindDifference(expected, actual, comparison) is null;

    /// <summary>The first difference as <c>$.path: expected X, got Y</c>, or null when equal.</summary>
    public static string? FindDifference(JToken? expected, JToken? actual, JsonComparison? comparison = null) =>
        FindDifferences(expected, actual, comparison, max: 1).FirstOrDefault()?.Message;

    /// <summary>Every difference (up to <paramref name="max"/>), in document order.</summary>
    public static IReadOnlyList<JsonDifference> FindDifferences(JToken? expected, JToken? actual, JsonComparison? comparison = null, int max = int.MaxValue)
    {
        var found = new List<JsonDifference>();
        Compare(expected, actual, "$", comparison ?? JsonComparison.Exact, found, max);
        return found;
    }

    private static void Compare(JToken? expected, JToken? actual, string path, JsonComparison comparison, List<JsonDifference> found, int max)
    {
        if (found.Count >= max) return;
        var expectedMissing = IsNull(expected);
        var actualMissing = IsNull(actual);
        if (expectedMissing || actualMissing)
        {
            if (expectedMissing != actualMissing && !(expectedMissing && comparison.IgnoreExtraActualProperties && path != "$"))
                found.Add(new JsonDifference(path, expected, actual));
            return;
        }

        switch (expected, actual)
        {
            case (JObject e, JObject a):
                var names = e.Properties().Select(p => p.Name);
                if (!comparison.IgnoreExtraActualProperties) names = names.Concat(a.Properties().Select(p => p.Name)).Distinct(StringComparer.Ordinal);
                foreach (var name in names) Compare(e[name], a[name], $"{path}.{name}", comparison, found, max);
                break;
            case (JArray e, JArray a):
                if (e.Count != a.Count) { found.Add(new JsonDifference(path, e, a, $"{path}: expected {e.Count} item(s), got {a.Count}")); break; }
                for (var i = 0; i < e.Count; i++) Compare(e[i], a[i], $"{path}[{i}]", comparison, found, max);
                break;
            case (JValue e, JValue a):
                if (!ScalarsEqual(e, a)) found.Add(new JsonDifference(path, e, a));
                break;
            default:
                found.Add(new JsonDifference(path, expected, actual));
                break;
        }
    }

    /// <summary>Scalar equality used for bodies and (via strings) for parameters.</summary>
    internal static bool ScalarsEqual(JValue expected, JValue actual)
    {
        if (IsNumber(expected) && IsNumber(actual)) return NumbersEqual(expected.Value!, actual.Value!);
        if (expected.Type == JTokenType.Boolean && actual.Type == JTokenType.Boolean)
            return (bool)expected.Value! == (bool)actual.Value!;
        if (AsText(expected) is { } expectedText && AsText(actual) is { } actualText)
            return StringsEqual(expectedText, actualText);
        return AsInstant(expected) is { } e && AsInstant(actual) is { } a && e == a;
    }

    /// <summary>Equal text, or two ISO-8601 date-times for the same instant.</summary>
    internal static bool StringsEqual(string expected, string actual) =>
        string.Equals(expected, actual, StringComparison.Ordinal)
        || (TryParseDateTime(expected, out var e) && TryParseDateTime(actual, out var a) && e == a);

    /// <summary>
    /// Parses ISO-8601 dates and date-times only (<c>2024-01-01</c>, <c>2024-01-01T10:00Z</c>,
    /// <c>2024-01-01T10:00:00.000+02:00</c>), never free text or plain numbers. Dates without offset are UTC.
    /// </summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-' || !char.IsAsciiDigit(text[0])) return false;
        if (text.Length > 10 && text[10] is not ('T' or 't')) return false;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Text of string-like tokens; typed writers produce Uri, Guid and TimeSpan tokens for what the wire has as strings.</summary>
    private static string? AsText(JValue value) => value.Value switch
    {
        string s => s,
        Uri uri => uri.OriginalString,
        Guid guid => guid.ToString("D"),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A date token (parsed by a reader that recognises dates) or an ISO-8601 string, as an instant.</summary>
    private static DateTimeOffset? AsInstant(JValue value) => value.Value switch
    {
        DateTimeOffset dto => dto,
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
        string s when TryParseDateTime(s, out var parsed) => parsed,
        _ => null,
    };

    internal static bool NumbersEqual(object expected, object actual)
    {
        try
        {
            if (Convert.ToDecimal(expected, CultureInfo.InvariantCulture) == Convert.ToDecimal(actual, CultureInfo.InvariantCulture)) return true;
        }
        catch (OverflowException)
        {
            // Beyond decimal: compare as doubles below.
        }
        var e = Convert.ToDouble(expected, CultureInfo.InvariantCulture);
        var a = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
        return e.Equals(a) || Math.Abs(e - a) <= Tolerance * Math.Max(Math.Abs(e), Math.Abs(a));
    }

    private static bool IsNumber(JToken token) => token.Type is JTokenType.Integer or JTokenType.Float;

    private static bool IsNull(JToken? token) =>
        token is null || token.Type is JTokenType.Null or JTokenType.Undefined || token is JValue { Value: null };

    /// <summary>Short rendering for messages: long values are cut.</summary>
    public static string Show(JToken? token)
    {
        if (IsNull(token)) return "nothing";
        var text = token!.ToString(Formatting.None);
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}

/// <summary>One difference: where, and the two sides.</summary>
public sealed record JsonDifference(string Path, JToken? Expected, JToken? Actual, string? Description = null)
{
    /// <summary>A one-line description of the difference, with its JSON path.</summary>
    public string Message => Description ?? $"{Path}: expected {JsonSemantic.Show(Expected)}, got {JsonSemantic.Show(Actual)}";
}
