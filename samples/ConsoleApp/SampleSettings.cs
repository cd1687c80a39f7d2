namespace SpApi.Samples.ConsoleApp;

/// <summary>The <c>Sample</c> section of appsettings.json (values that work against the local sandbox by default).</summary>
public sealed class SampleSettings
{
    public string MarketplaceId { get; set; } = "ATVPDKIKX0DER";
    public DateTimeOffset CreatedAfter { get; set; } = DateTimeOffset.UtcNow.AddDays(-7);
    public int MaxPages { get; set; } = 5;
    public string ReportType { get; set; } = "GET_MERCHANT_LISTINGS_ALL_DATA";
    public List<string> ReportMarketplaceIds { get; set; } = [];
    public DateTimeOffset? ReportDataStartTime { get; set; }
    public int ReportPolls { get; set; } = 30;
    public double ReportPollSeconds { get; set; } = 10;
    public string ReportFile { get; set; } = "report.txt";
}
