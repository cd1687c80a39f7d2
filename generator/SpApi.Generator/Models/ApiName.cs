using System.Globalization;
using System.Text.RegularExpressions;

namespace SpApi.Generator.Models;

/// <summary>
/// The C# identity of one model file: API name and version, e.g. <c>ordersV0.json</c> -> Orders / V0,
/// <c>catalogItems_2022-04-01.json</c> -> CatalogItems / V2022_04_01. Namespace: <c>SpApi.{Api}.{Version}</c>.
/// </summary>
public sealed partial record ApiName(string Api, string Version)
{
    /// <summary>Model stems whose derived name reads badly; everything else follows the rule.</summary>
    private static readonly Dictionary<string, string> Overrides = new(StringComparer.OrdinalIgnoreCase)
    {
        ["definitionsProductTypes"] = "ProductTypeDefinitions",
        ["InvoicesApiModel"] = "Invoices",
        ["fbaInbound"] = "FbaInboundEligibility",
    };

    public string Namespace => $"SpApi.{Api}.{Version}";
    public string ClientClass => $"{Api}Client";
    public string OperationsClass => $"{Api}Operations";

    /// <summary>Derives the name from the file name, falling back to <c>info.version</c> for the version.</summary>
    public static ApiName FromModelFile(string fileName, string? infoVersion)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var m = StemPattern().Match(stem);
        var name = m.Groups["name"].Value;
        var version = m.Groups["date"].Success ? "V" + m.Groups["date"].Value.Replace('-', '_')
            : m.Groups["v"].Success ? "V" + m.Groups["v"].Value
            : VersionFromInfo(infoVersion) ?? throw new GeneratorException($"{fileName}: cannot tell the API version from the file name or info.version '{infoVersion}'.");
        var api = Overrides.TryGetValue(name, out var o) ? o : Pascal(name);
        // The file name comes from whatever folder `update --from` names: it becomes a namespace and class name only as a plain identifier.
        if (!Regex.IsMatch(api, "^[A-Za-z][A-Za-z0-9]{0,63}$") || !Regex.IsMatch(version, "^V[0-9_]{1,32}$"))
            throw new GeneratorException($"{Generation.UntrustedModelPolicy.Printable(fileName)}: the file name does not give a plain API name (a letter, then letters and digits, at most 64) and version; rename the file.");
        return new ApiName(api, version);
    }

    private static string? VersionFromInfo(string? v)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        v = v.Trim();
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return "V" + v.Replace('-', '_');
        var m = Regex.Match(v, @"^[vV](\d+)$");
        return m.Success ? "V" + m.Groups[1].Value : null;
    }

    internal static string Pascal(string s)
    {
        var parts = Regex.Split(s, @"[^A-Za-z0-9]+").Where(p => p.Length > 0);
        return string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    // name, then an optional version: _2021-06-30 / -2022-11-07 / V2022-07-01 / V0
    [GeneratedRegex(@"^(?<name>.+?)(?:[_-]?V?(?<date>\d{4}-\d{2}-\d{2})|V(?<v>\d+))?$")]
    private static partial Regex StemPattern();
}
