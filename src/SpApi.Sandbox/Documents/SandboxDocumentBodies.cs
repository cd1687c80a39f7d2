using System.IO.Compression;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Documents;

/// <summary>
/// Deterministic document bodies. Reports: tab-delimited (windows-1252, or Shift_JIS for the Japanese marketplace)
/// or JSON (UTF-8) for JSON report types, with non-ASCII text that only decodes right with the charset; GZIP when
/// configured. Feed processing reports: Amazon's JSON listings report for JSON_LISTINGS_FEED, a text summary otherwise.
/// Data Kiosk: JSON Lines.
/// </summary>
internal static class SandboxDocumentBodies
{
    public const string JapanMarketplace = "A1VC38T7P3XXXX";

    public static readonly string[] ListingColumns =
        ["item-name", "listing-id", "seller-sku", "price", "quantity", "open-date", "product-id-type", "asin1", "fulfillment-channel", "status"];

    static SandboxDocumentBodies() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Report types whose documents are JSON (the others are tab-delimited flat files).</summary>
    public static bool IsJsonReport(string reportType) =>
        reportType.EndsWith("_JSON", StringComparison.Ordinal)
        || reportType is "GET_SALES_AND_TRAFFIC_REPORT" or "GET_V2_SELLER_PERFORMANCE_REPORT" or "GET_VENDOR_SALES_REPORT"
            or "GET_VENDOR_INVENTORY_REPORT" or "GET_VENDOR_TRAFFIC_REPORT" or "GET_BRAND_ANALYTICS_SEARCH_TERMS_REPORT"
            or "GET_PROMOTION_PERFORMANCE_REPORT" or "GET_COUPON_PERFORMANCE_REPORT" or "GET_ACCOUNT_HEALTH_REPORT";

    public static SandboxDocument Report(string documentId, string reportType, IReadOnlyList<string> marketplaceIds, int rows, bool gzip)
    {
        var marketplace = marketplaceIds.Count > 0 ? marketplaceIds[0] : "ATVPDKIKX0DER";
        if (IsJsonReport(reportType))
            return Make(documentId, JsonReport(reportType, marketplaceIds, rows), "application/json; charset=UTF-8", new UTF8Encoding(false), gzip);
        var japanese = marketplace == JapanMarketplace;
        var text = new StringBuilder(string.Join('\t', ListingColumns)).Append("\r\n");
        for (var i = 1; i <= rows; i++)
        {
            var name = japanese ? $"日本茶セット 第{i}号「抹茶」" : $"Café Crème Größe {i} – Señor™";
            text.Append(name).Append('\t')
                .Append($"{1000000000 + i}").Append('\t')
                .Append($"SKU-{i:D5}").Append('\t')
                .Append(japanese ? $"{1000 + i}" : $"{9 + i}.99").Append('\t')
                .Append(i % 7).Append('\t')
                .Append($"2026-01-{1 + i % 28:D2} 10:00:00 PST").Append('\t')
                .Append('1').Append('\t')
                .Append($"B0{i:D8}").Append('\t')
                .Append(i % 2 == 0 ? "AMAZON_NA" : "DEFAULT").Append('\t')
                .Append("Active").Append("\r\n");
        }
        return japanese
            ? Make(documentId, text.ToString(), "text/plain; charset=Shift_JIS", Encoding.GetEncoding("shift_jis"), gzip)
            : Make(documentId, text.ToString(), "text/plain; charset=windows-1252", Encoding.GetEncoding(1252), gzip);
    }

    private static string JsonReport(string reportType, IReadOnlyList<string> marketplaceIds, int rows)
    {
        var records = new JArray();
        for (var i = 1; i <= rows; i++)
            records.Add(new JObject { ["sku"] = $"SKU-{i:D5}", ["asin"] = $"B0{i:D8}", ["title"] = $"Café Crème Größe {i} – 日本茶", ["unitsOrdered"] = i });
        return new JObject
        {
            ["reportSpecification"] = new JObject { ["reportType"] = reportType, ["marketplaceIds"] = new JArray(marketplaceIds) },
            ["records"] = records,
        }.ToString(Formatting.None);
    }

    public static SandboxDocument ReportError(string documentId, string reportType) =>
        Make(documentId, new JObject { ["errorDetails"] = $"The {reportType} report could not be generated (sandbox: final status FATAL)." }.ToString(Formatting.None),
            "application/json; charset=UTF-8", new UTF8Encoding(false), gzip: false);

    /// <summary>The processing report of a feed, from what was uploaded.</summary>
    public static SandboxDocument ProcessingReport(string documentId, string feedId, string feedType, string sellerId, byte[]? upload, bool fatal)
    {
        if (feedType != "JSON_LISTINGS_FEED")
        {
            var summary = fatal
                ? $"Feed Processing Summary:\n\tFeed {feedId} ({feedType}) could not be processed (sandbox: final status FATAL).\n"
                : $"Feed Processing Summary:\n\tNumber of records processed\t\t{(upload is null ? 0 : CountLines(upload))}\n\tNumber of records successful\t\t{(upload is null ? 0 : CountLines(upload))}\n";
            return Make(documentId, summary, "text/plain; charset=UTF-8", new UTF8Encoding(false), gzip: false);
        }
        var report = ListingsReport(feedId, sellerId, upload, fatal);
        return Make(documentId, report.ToString(Formatting.None), "application/json; charset=UTF-8", new UTF8Encoding(false), gzip: false);
    }

    /// <summary>Amazon's listings-feed-processing-report-schema-v2: an issue per message that lacks sku, operationType or (for UPDATE) productType.</summary>
    private static JObject ListingsReport(string feedId, string sellerId, byte[]? upload, bool fatal)
    {
        var issues = new JArray();
        int processed = 0, invalid = 0;
        JArray? messages = null;
        try
        {
            messages = upload is null ? null : JObject.Parse(Encoding.UTF8.GetString(upload))["messages"] as JArray;
        }
        catch (JsonException)
        {
            fatal = true;
        }
        if (fatal || messages is null)
        {
            issues.Add(new JObject { ["messageId"] = 0, ["code"] = "100001", ["severity"] = "ERROR",
                ["message"] = "The feed could not be parsed as a JSON listings feed (header and messages)." });
        }
        else
        {
            foreach (var message in messages.OfType<JObject>())
            {
                processed++;
                var id = message.Value<long?>("messageId") ?? processed;
                var sku = message.Value<string>("sku");
                var operation = message.Value<string>("operationType");
                string? problem = string.IsNullOrEmpty(sku) ? "'sku' is required but not supplied."
                    : string.IsNullOrEmpty(operation) ? "'operationType' is required but not supplied."
                    : operation is "UPDATE" && string.IsNullOrEmpty(message.Value<string>("productType")) ? "'productType' is required for UPDATE but not supplied."
                    : null;
                if (problem is null) continue;
                invalid++;
                issues.Add(new JObject { ["messageId"] = id, ["sku"] = sku, ["code"] = "4000001", ["severity"] = "ERROR", ["message"] = problem });
            }
        }
        return new JObject
        {
            ["header"] = new JObject { ["sellerId"] = sellerId, ["version"] = "2.0", ["feedId"] = feedId },
            ["issues"] = issues,
            ["summary"] = new JObject
            {
                ["errors"] = issues.Count, ["warnings"] = 0, ["messagesProcessed"] = processed,
                ["messagesAccepted"] = processed - invalid, ["messagesInvalid"] = invalid,
            },
        };
    }

    public static SandboxDocument DataKioskData(string documentId, int rows)
    {
        var text = new StringBuilder();
        for (var i = 1; i <= rows; i++)
            text.Append(new JObject
            {
                ["startDate"] = $"2026-01-{1 + (i - 1) % 28:D2}", ["marketplaceId"] = "ATVPDKIKX0DER",
                ["sales"] = new JObject { ["orderedProductSales"] = new JObject { ["amount"] = 100 + i + 0.5m, ["currencyCode"] = "USD" }, ["unitsOrdered"] = i },
            }.ToString(Formatting.None)).Append('\n');
        return Make(documentId, text.ToString(), "application/x-ndjson; charset=UTF-8", new UTF8Encoding(false), gzip: false);
    }

    public static SandboxDocument DataKioskError(string documentId) =>
        Make(documentId, new JObject { ["errorMessage"] = "The query could not be processed (sandbox: final status FATAL)." }.ToString(Formatting.None),
            "application/json; charset=UTF-8", new UTF8Encoding(false), gzip: false);

    private static SandboxDocument Make(string id, string text, string contentType, Encoding encoding, bool gzip)
    {
        var bytes = encoding.GetBytes(text);
        if (!gzip) return new SandboxDocument(id, bytes, contentType, null);
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) zip.Write(bytes);
        return new SandboxDocument(id, buffer.ToArray(), contentType, "GZIP");
    }

    private static int CountLines(byte[] upload) => Math.Max(0, upload.Count(b => b == (byte)'\n') - 1);
}
