using System.Globalization;

namespace SpApi.Generator.Diff;

/// <summary>A documented default usage plan: sustained requests per second and burst.</summary>
public sealed record DocumentedUsagePlan(decimal Rate, int Burst)
{
    public override string ToString() => $"{Rate.ToString(CultureInfo.InvariantCulture)} req/s, burst {Burst}";
}

/// <summary>
/// Reads the "Usage Plan" Markdown table from an operation description:
/// <c>| Rate (requests per second) | Burst |</c>, a separator row, then a row of numbers. Some models put a
/// "Plan type" column first (the "Default" row is used), write literal <c>\n</c> instead of line breaks, or
/// leave placeholders such as <c>| n | n |</c>: anything that is not a number is "unknown", never guessed.
/// </summary>
public static class UsagePlanTable
{
    public static DocumentedUsagePlan? Parse(string? description)
    {
        if (string.IsNullOrEmpty(description)) return null;
        var lines = description.Replace("\\n", "\n").Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var header = Cells(lines[i]);
            var rateColumn = header.FindIndex(c => c.StartsWith("Rate", StringComparison.OrdinalIgnoreCase));
            var burstColumn = header.FindIndex(c => c.Equals("Burst", StringComparison.OrdinalIgnoreCase));
            if (rateColumn < 0 || burstColumn < 0) continue;
            var planColumn = header.FindIndex(c => c.StartsWith("Plan", StringComparison.OrdinalIgnoreCase));
            // Skip the separator row, then read data rows until the table ends.
            for (var j = i + 2; j < lines.Length; j++)
            {
                var row = Cells(lines[j]);
                if (row.Count == 0) break;
                if (row.Count != header.Count) continue;
                if (planColumn >= 0 && !row[planColumn].Equals("Default", StringComparison.OrdinalIgnoreCase)) continue;
                return decimal.TryParse(row[rateColumn], NumberStyles.Number, CultureInfo.InvariantCulture, out var rate)
                       && int.TryParse(row[burstColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var burst)
                    ? new DocumentedUsagePlan(rate, burst)
                    : null;
            }
            return null;
        }
        return null;
    }

    /// <summary>The trimmed cells of a Markdown table row, or an empty list for a line that is not one.</summary>
    private static List<string> Cells(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '|' || trimmed[^1] != '|') return [];
        return trimmed[1..^1].Split('|').Select(c => c.Trim()).ToList();
    }
}
