namespace SpApi.Cli;

/// <summary>"Did you mean …?" for mistyped verbs, options and API names: the closest known names by edit distance.</summary>
public static class DidYouMean
{
    /// <summary>Known names within a small edit distance of <paramref name="input"/>, closest first (at most three).</summary>
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(known);
        var typed = input.ToLowerInvariant();
        // One typo per three characters, at least one and at most three: 'smok' finds 'smoke', 'xyz' finds nothing.
        var limit = Math.Clamp(typed.Length / 3, 1, 3);
        return known.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (Name: k, Distance: Distance(typed, k.ToLowerInvariant())))
            .Where(x => x.Distance <= limit || (typed.Length >= 3 && x.Name.StartsWith(input, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3).Select(x => x.Name).ToArray();
    }

    /// <summary><c> Did you mean 'x'?</c>, <c> Did you mean 'x' or 'y'?</c>, or empty.</summary>
    public static string Hint(string input, IEnumerable<string> known, string prefix = "")
    {
        var closest = Closest(input, known);
        if (closest.Count == 0) return "";
        var names = closest.Select(c => $"'{prefix}{c}'").ToArray();
        return $" Did you mean {(names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1])}?";
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
