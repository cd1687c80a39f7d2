using System.Globalization;
using System.Text.RegularExpressions;
using SpApi.Runtime;

namespace SpApi.Generator.Generation;

/// <summary>
/// Reads the "Usage Plan" table from an operation description. Amazon writes it three ways: the usual
/// <c>| Rate (requests per second) | Burst |</c> table; the same with literal <c>\n</c> escapes; and a
/// <c>| Plan type | Rate | Burst |</c> table whose <c>Default</c> row applies. Placeholders such as
/// <c>| n | n |</c> mean the plan is unknown: null, never a guess.
/// </summary>
public static partial class UsagePlanParser
{
    public static UsagePlan? Parse(string? description)
    {
        if (string.IsNullOrEmpty(description)) return null;
        var text = description.Replace("\\n", "\n");
        var m = SimpleTable().Match(text);
        if (!m.Success) m = PlanTypeTable().Match(text);
        if (!m.Success) return null;
        if (!double.TryParse(m.Groups["rate"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate <= 0) return null;
        if (!int.TryParse(m.Groups["burst"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var burst) || burst <= 0) return null;
        return new UsagePlan(rate, burst);
    }

    [GeneratedRegex(@"\|\s*Rate \(requests per second\)\s*\|\s*Burst\s*\|\s*\n\s*\|[-:\s|]+\|\s*\n\s*\|\s*(?<rate>[0-9.]+)\s*\|\s*(?<burst>[0-9]+)\s*\|")]
    private static partial Regex SimpleTable();

    [GeneratedRegex(@"\|\s*Plan type\s*\|\s*Rate \(requests per second\)\s*\|\s*Burst\s*\|[\s\S]*?\|\s*Default\s*\|\s*(?<rate>[0-9.]+)\s*\|\s*(?<burst>[0-9]+)\s*\|")]
    private static partial Regex PlanTypeTable();
}
