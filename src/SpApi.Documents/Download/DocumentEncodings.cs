using System.Net.Http.Headers;
using System.Text;

namespace SpApi.Documents.Download;

/// <summary>
/// The text encoding of a document from its Content-Type charset. Amazon serves windows-1252, Shift_JIS,
/// UTF-8 and others, sometimes under Java names (<c>Cp1252</c>, <c>MS932</c>, <c>Windows-31J</c>).
/// </summary>
public static class DocumentEncodings
{
    private static readonly Dictionary<string, string> JavaAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MS932"] = "shift_jis", ["Windows-31J"] = "shift_jis", ["SJIS"] = "shift_jis", ["x-sjis"] = "shift_jis",
        ["UTF8"] = "utf-8", ["ISO8859_1"] = "iso-8859-1", ["EUC_JP"] = "euc-jp", ["UnicodeLittle"] = "utf-16",
    };

    static DocumentEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding a Content-Type names, or <paramref name="fallback"/> when it names none.</summary>
    /// <exception cref="DocumentException">The charset is not one .NET knows.</exception>
    public static Encoding FromContentType(string? contentType, Encoding fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (string.IsNullOrWhiteSpace(contentType)) return fallback;
        string? charset;
        try
        {
            charset = MediaTypeHeaderValue.Parse(contentType).CharSet;
        }
        catch (FormatException)
        {
            throw new DocumentException($"The document's Content-Type '{contentType}' cannot be parsed.");
        }
        return string.IsNullOrWhiteSpace(charset) ? fallback : FromCharset(charset);
    }

    /// <summary>The encoding for a charset name (IANA, Windows or Java spelling).</summary>
    /// <exception cref="DocumentException">Unknown charset.</exception>
    public static Encoding FromCharset(string charset)
    {
        var name = charset.Trim().Trim('"');
        if (JavaAliases.TryGetValue(name, out var alias)) name = alias;
        else if (name.Length > 2 && name.StartsWith("Cp", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(2), out var page))
            return FromCodePage(page, charset);
        try
        {
            // No BOM is written by our encoders; reading detects and skips one.
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            throw new DocumentException($"The document's charset '{charset}' is not a known text encoding.");
        }
    }

    private static Encoding FromCodePage(int page, string charset)
    {
        try
        {
            return Encoding.GetEncoding(page);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new DocumentException($"The document's charset '{charset}' is not a known text encoding.");
        }
    }
}
