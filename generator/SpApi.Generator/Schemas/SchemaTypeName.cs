using System.Text;
using System.Text.RegularExpressions;

namespace SpApi.Generator.Schemas;

/// <summary>
/// Where the types of one pinned JSON Schema go: namespace <c>SpApi.{Kind}.{Stem}</c> and root class
/// <c>{Stem}{KindWord}{Version}</c>, from the file name alone, so names are stable across pins:
/// <c>notifications/OrderChangeNotification.json</c> -> <c>SpApi.Notifications.OrderChange.OrderChangeNotification</c>;
/// <c>reports/accountHealthReport-2020-11-18.json</c> -> <c>SpApi.Reports.AccountHealthV2020_11_18.AccountHealthReportV2020_11_18</c>;
/// <c>feeds/listings-feed-schema-v2.json</c> -> <c>SpApi.Feeds.ListingsV2.ListingsFeedV2</c>.
/// The namespace never equals the class name (which would make the class awkward to name from outside).
/// </summary>
public sealed partial record SchemaTypeName(string Kind, string Namespace, string ClassName)
{
    public string FullName => $"{Namespace}.{ClassName}";

    /// <param name="relativePath">Path under <c>schemas/</c>, e.g. <c>notifications/OrderChangeNotification.json</c>.</param>
    public static SchemaTypeName FromPath(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        if (parts.Length < 2) throw new GeneratorException($"Schema path '{relativePath}' has no kind folder (notifications/, reports/, feeds/).");
        var kind = Pascal(parts[0]);
        var kindWord = kind.TrimEnd('s');
        var stem = Path.GetFileNameWithoutExtension(parts[^1]);
        var tokens = TokenSplit().Split(stem)
            .Where(t => t.Length > 0 && !t.Equals("schema", StringComparison.OrdinalIgnoreCase) && !t.Equals(kindWord, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var version = tokens.Where(IsVersion).Select(t => t.TrimStart('v', 'V')).ToArray();
        var baseName = string.Concat(tokens.Where(t => !IsVersion(t)).Select(Pascal));
        if (baseName.EndsWith(kindWord, StringComparison.Ordinal) && baseName.Length > kindWord.Length)
            baseName = baseName[..^kindWord.Length];
        if (baseName.Length == 0 || !char.IsLetter(baseName[0])) baseName = kindWord + baseName;
        var suffix = version.Length == 0 ? "" : "V" + string.Join('_', version);
        return new SchemaTypeName(kind, $"SpApi.{kind}.{baseName}{suffix}", $"{baseName}{kindWord}{suffix}");
    }

    private static bool IsVersion(string token) => VersionToken().IsMatch(token);

    private static string Pascal(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Where(char.IsLetterOrDigit)) sb.Append(c);
        return sb.Length == 0 ? "" : char.ToUpperInvariant(sb[0]) + sb.ToString(1, sb.Length - 1);
    }

    [GeneratedRegex("[-_. ]+")] private static partial Regex TokenSplit();
    [GeneratedRegex("^[vV]?[0-9]+$")] private static partial Regex VersionToken();
}
