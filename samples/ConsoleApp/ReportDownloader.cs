using System.IO.Compression;
using SpApi.Reports.V2021_06_30;

namespace SpApi.Samples.ConsoleApp;

/// <summary>createReport, wait for DONE, getReportDocument, then download (and un-GZIP) the document.</summary>
public sealed class ReportDownloader(IReportsClient reports, TimeProvider time, TextWriter log)
{
    public async Task<string?> RequestAndWaitAsync(SampleSettings settings, CancellationToken cancellationToken)
    {
        var created = await reports.CreateReportAsync(new CreateReportSpecification
        {
            ReportType = settings.ReportType,
            MarketplaceIds = settings.ReportMarketplaceIds,
            DataStartTime = settings.ReportDataStartTime,
        }, cancellationToken);
        log.WriteLine($"Report {created.ReportId} requested ({settings.ReportType}).");

        for (var poll = 1; poll <= settings.ReportPolls; poll++)
        {
            var report = await reports.GetReportAsync(created.ReportId, cancellationToken);
            log.WriteLine($"  poll {poll}: {report.ProcessingStatus}");
            switch (report.ProcessingStatus)
            {
                case ReportProcessingStatus.DONE: return report.ReportDocumentId;
                case ReportProcessingStatus.CANCELLED or ReportProcessingStatus.FATAL:
                    log.WriteLine($"  the report ended {report.ProcessingStatus}; its document (if any) explains why: {report.ReportDocumentId}");
                    return null;
            }
            await Task.Delay(TimeSpan.FromSeconds(settings.ReportPollSeconds), time, cancellationToken);
        }
        log.WriteLine($"  not DONE after {settings.ReportPolls} polls.");
        return null;
    }

    /// <summary>
    /// Downloads a report document to <paramref name="file"/>. The URL is a presigned storage address, not SP-API:
    /// it gets a plain HttpClient, so no SP-API token ever travels there.
    /// </summary>
    public async Task<long> DownloadAsync(ReportDocument document, string file, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        using var response = await http.GetAsync(document.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var content = document.CompressionAlgorithm == ReportDocumentCompressionAlgorithm.GZIP
            ? new GZipStream(body, CompressionMode.Decompress) : body;
        await using var output = File.Create(file);
        await content.CopyToAsync(output, cancellationToken);
        return output.Length;
    }
}
