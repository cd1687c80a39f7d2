using System.Globalization;
using SpApi.Cli.Documents;
using SpApi.Reports.V2021_06_30;

namespace SpApi.Cli.Commands;

/// <summary><c>spapi reports get</c>: createReport, wait for DONE, download, decompress and decode to a file.</summary>
public sealed class ReportsGetCommand : ICliCommand
{
    public string Name => "reports get";
    public string Summary => "Request a report, wait until it is DONE and save its document (decompressed, decoded).";
    public string Usage => """
        Options:
          --type TYPE          report type, e.g. GET_MERCHANT_LISTINGS_ALL_DATA (not needed with --report-id)
          --marketplace ID     marketplace id (default ATVPDKIKX0DER); also picks the region
          --out FILE           where to write the document
          --start ISO, --end ISO   dataStartTime / dataEndTime (optional)
          --report-id ID       resume: wait for and download an existing report instead of creating one
          --raw                keep the document's own bytes and charset (default: decoded text written as UTF-8)
          --max-wait SECONDS   give up waiting after this long (default 3600; the report keeps running)
          --local-sandbox      run against the embedded sandbox (no credentials needed)
        Credentials: SPAPI_CLIENT_ID, SPAPI_CLIENT_SECRET, SPAPI_REFRESH_TOKEN (as for spapi smoke).
        Exit code: 0 only when the report finished DONE and was saved; 1 when it ended CANCELLED/FATAL, timed out or failed.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var type = args.String("type");
        var marketplace = args.String("marketplace", "ATVPDKIKX0DER");
        var output = args.String("out") ?? throw new CliUsageException("--out FILE is required.");
        var start = Time(args.String("start"), "start");
        var end = Time(args.String("end"), "end");
        var reportId = args.String("report-id");
        var raw = args.Flag("raw");
        var maxWait = TimeSpan.FromSeconds(args.Double("max-wait", 3600, min: 1, max: 7 * 24 * 3600));
        var local = args.Flag("local-sandbox");
        args.ThrowOnUnknown();
        if (type is null && reportId is null) throw new CliUsageException("--type TYPE is required (or --report-id ID to resume).");

        await using var session = await DocumentCommandSession.StartAsync(context, local, marketplace, maxWait, cancellationToken);
        var reports = session.Documents.Reports;
        return await JobFailures.RunAsync(context, Name, async () =>
        {
            if (reportId is null)
            {
                reportId = await reports.CreateAsync(new CreateReportSpecification
                {
                    ReportType = type, MarketplaceIds = [marketplace], DataStartTime = start, DataEndTime = end,
                }, cancellationToken);
                context.Error.WriteLine($"report {reportId} requested ({type}, {marketplace}).");
            }
            var report = await reports.WaitAsync(reportId, JobProgressLine.ForConsole(context.Error), cancellationToken);
            var location = await reports.LocateAsync(report, cancellationToken);
            if (raw)
            {
                var result = await session.Documents.Downloader.DownloadToFileAsync(location, output, cancellationToken);
                context.Out.WriteLine($"report {reportId} DONE: {result.Bytes} bytes ({result.EncodingName}) written to {Path.GetFullPath(output)}");
            }
            else
            {
                var chars = await session.Documents.Downloader.DownloadTextToFileAsync(location, output, cancellationToken: cancellationToken);
                context.Out.WriteLine($"report {reportId} DONE: {chars} characters written as UTF-8 to {Path.GetFullPath(output)}");
            }
            return ExitCodes.Ok;
        });
    }

    private static DateTimeOffset? Time(string? value, string name) =>
        value is null ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw new CliUsageException($"--{name} must be an ISO 8601 date-time, not '{value}'.");
}
