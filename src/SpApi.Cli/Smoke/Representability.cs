using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Matching;

namespace SpApi.Cli.Smoke;

/// <summary>
/// Tells a difference between a case's JSON and its typed round trip that the model's types cannot avoid
/// (an upstream data defect) from one the client should not make (a bug): the case holds an enum member
/// the model does not list or spells differently, a date-time that is not ISO-8601, a date-time where the
/// model declares a date, or a property the model does not have.
/// </summary>
internal static class Representability
{
    /// <summary>Why the case's value at the difference cannot exist in <paramref name="rootType"/>, or null (then it is a real failure).</summary>
    public static string? Explain(Type rootType, JsonDifference difference)
    {
        var (found, declared) = TypedPath.Resolve(rootType, difference.Path);
        if (!found) return $"upstream data: the model has no property at {difference.Path}";
        if (difference.Expected is not JValue { Type: JTokenType.String } expected) return null;
        var text = (string)expected!;
        if (declared is { IsEnum: true })
        {
            if (!ClrTypes.IsEnumMember(declared, text, StringComparison.OrdinalIgnoreCase))
                return $"upstream data: \"{text}\" is not a member of the model's enum {declared.Name} ({string.Join(", ", ClrTypes.EnumWireNames(declared))})";
            if (difference.Actual is JValue { Type: JTokenType.String } actual && string.Equals((string)actual!, text, StringComparison.OrdinalIgnoreCase))
                return $"upstream data: the model spells the enum member \"{actual}\"";
        }
        if (declared == typeof(DateTimeOffset) || declared == typeof(DateTime))
        {
            if (!JsonSemantic.TryParseDateTime(text, out _))
                return "upstream data: not an ISO-8601 date-time, which the model declares";
            if (text.Length > 10 && difference.Actual is JValue { Type: JTokenType.String } actual && ((string)actual!).Length == 10)
                return "upstream data: the model declares a date (yyyy-MM-dd), the case has a date-time";
        }
        return null;
    }
}
