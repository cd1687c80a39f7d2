using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Diff;

/// <summary>Where two JSON trees differ, as short readable paths (for the "what else changed" details).</summary>
public static class JsonDifferences
{
    /// <summary>Up to <paramref name="max"/> paths where the values differ; key order is ignored.</summary>
    public static IReadOnlyList<string> Paths(JToken? before, JToken? after, int max = 5)
    {
        var found = new List<string>();
        Walk(before, after, "", found, max);
        return found;
    }

    private static void Walk(JToken? a, JToken? b, string path, List<string> found, int max)
    {
        if (found.Count >= max || JToken.DeepEquals(a, b)) return;
        if (a is JObject oa && b is JObject ob)
        {
            foreach (var key in oa.Properties().Select(p => p.Name).Union(ob.Properties().Select(p => p.Name)))
                Walk(oa[key], ob[key], path.Length == 0 ? key : $"{path}.{key}", found, max);
            return;
        }
        if (a is JArray aa && b is JArray ab && aa.Count == ab.Count)
        {
            for (var i = 0; i < aa.Count; i++) Walk(aa[i], ab[i], $"{path}[{i}]", found, max);
            return;
        }
        found.Add(path.Length == 0 ? "(root)" : path);
    }

    /// <summary>True when the trees hold the same keys, values and items, in whatever order.</summary>
    public static bool SameIgnoringOrder(JToken a, JToken b) => Canonical(a) == Canonical(b);

    private static string Canonical(JToken token) => token switch
    {
        JObject obj => "{" + string.Join(",", obj.Properties().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonConvertString(p.Name) + ":" + Canonical(p.Value))) + "}",
        JArray array => "[" + string.Join(",", array.Select(Canonical).Order(StringComparer.Ordinal)) + "]",
        _ => token.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static string JsonConvertString(string s) => Newtonsoft.Json.JsonConvert.ToString(s);

    /// <summary>"a, b, c and 4 more" for detail texts.</summary>
    public static string Join(IReadOnlyList<string> items, int shown = 5) =>
        items.Count <= shown ? string.Join(", ", items) : $"{string.Join(", ", items.Take(shown))} and {items.Count - shown} more";
}
