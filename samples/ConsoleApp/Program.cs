// Orders (all pages) and a report download through the generated clients and the full SpApi pipeline.
// dotnet run --project samples/ConsoleApp        (local sandbox; configure SellingPartnerApi:* for Amazon)
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SpApi.Auth;
using SpApi.Samples;
using SpApi.Samples.ConsoleApp;

// Settings: appsettings.json beside the program, environment variables, command line (--Sample:MaxPages=2).
var configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory }).Configuration;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;

await using var sandbox = await SampleSandbox.StartUnlessConfiguredAsync(configuration, ct);
var options = configuration.GetSection(SellingPartnerOptions.SectionName).Get<SellingPartnerOptions>() ?? new SellingPartnerOptions();
sandbox?.Configure(options);
var settings = configuration.GetSection("Sample").Get<SampleSettings>() ?? new SampleSettings();
Console.WriteLine(sandbox is null ? "Calling Amazon." : $"Calling the local sandbox at {sandbox.Address}.");

await using var sp = SellingPartnerClient.Create(options);

Console.WriteLine($"Orders created after {settings.CreatedAfter:u} in {settings.MarketplaceId}:");
var count = 0;
await foreach (var (page, order) in OrdersPager.SearchAsync(sp.Get<SpApi.Orders.V2026_01_01.IOrdersClient>(), settings, Console.Out, ct))
{
    count++;
    Console.WriteLine($"  page {page}: {order.OrderId}  created {order.CreatedTime:u}  {order.Fulfillment?.FulfillmentStatus}");
}
Console.WriteLine($"{count} orders.");

var downloader = new ReportDownloader(sp.Get<SpApi.Reports.V2021_06_30.IReportsClient>(), TimeProvider.System, Console.Out);
var documentId = await downloader.RequestAndWaitAsync(settings, ct);
if (documentId is null && sandbox is not null)
{
    // The static sandbox never finishes a report; its getReportDocument case has this document id.
    documentId = "0356cf79-b8b0-4226-b4b9-0ee058ea5760";
    Console.WriteLine($"Downloading the sandbox's sample document {documentId} instead.");
}
if (documentId is not null)
{
    var document = await sp.Get<SpApi.Reports.V2021_06_30.IReportsClient>().GetReportDocumentAsync(documentId, cancellationToken: ct);
    if (sandbox is not null && !new Uri(document.Url).IsLoopback)
    {
        // Amazon's sandbox cases name a real storage URL; a sandbox that hosts documents answers with its own address.
        Console.WriteLine($"Report document {documentId} is at {new Uri(document.Url).Host}, outside the local sandbox: not downloaded offline.");
        return 0;
    }
    var bytes = await downloader.DownloadAsync(document, settings.ReportFile, ct);
    Console.WriteLine($"Report document saved to {settings.ReportFile} ({bytes} bytes).");
}
return 0;
