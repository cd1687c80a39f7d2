using SpApi.Clients;
using SpApi.Documents.Download;
using SpApi.Reports.V2021_06_30;

namespace SpApi.Documents.Workflows;

/// <summary>
/// Reports end to end: createReport, poll getReport (backing off within getReport's usage plan), then
/// getReportDocument and a streamed download. Each step is public, so a restarted process resumes from a
/// known report id with <see cref="WaitAsync"/>.
/// <code>
/// var report = await jobs.RequestAsync(new CreateReportSpecification { ReportType = "GET_MERCHANT_LISTINGS_ALL_DATA", MarketplaceIds = ["ATVPDKIKX0DER"] }, progress, ct);
/// await jobs.DownloadToFileAsync(report, "listings.txt", ct);
/// </code>
/// </summary>
public sealed class ReportJobs
{
    /// <summary>The job kind named in progress reports and exceptions (<see cref="DocumentJobProgress.Kind"/>).</summary>
    public const string Kind = "report";
    private readonly IReportsClient _reports;
    private readonly DocumentDownloader _downloader;
    private readonly JobPoller _poller;

    /// <summary>Report jobs through the seller's <paramref name="reports"/> client, documents through <paramref name="downloader"/>; polling per <paramref name="options"/> on <paramref name="timeProvider"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    public ReportJobs(IReportsClient reports, DocumentDownloader downloader, DocumentJobOptions? options = null, TimeProvider? timeProvider = null)
    {
        _reports = reports ?? throw new ArgumentNullException(nameof(reports));
        _downloader = downloader ?? throw new ArgumentNullException(nameof(downloader));
        var jobOptions = options ?? new DocumentJobOptions();
        jobOptions.Validate();
        _poller = new JobPoller(jobOptions, timeProvider ?? TimeProvider.System, _downloader);
    }

    /// <summary>createReport; returns the report id (keep it to resume).</summary>
    public async Task<string> CreateAsync(CreateReportSpecification specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var created = await _reports.CreateReportAsync(specification, cancellationToken);
        return Required(created?.ReportId, "createReport returned no reportId");
    }

    /// <summary>Polls until the report is DONE and returns it.</summary>
    /// <exception cref="DocumentJobFailedException">CANCELLED or FATAL (with the error document's text for FATAL).</exception>
    /// <exception cref="DocumentJobTimeoutException">Not finished within <see cref="DocumentJobOptions.MaxWait"/>.</exception>
    public async Task<Report> WaitAsync(string reportId, IProgress<DocumentJobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportId);
        return await _poller.WaitForDoneAsync(Kind, reportId, SpApiOperationCatalog.Instance.Find("reports_2021-06-30.json", "getReport"),
            ct => _reports.GetReportAsync(reportId, ct), r => r.ProcessingStatus, r => r.ReportDocumentId, LocateAsync, progress, cancellationToken);
    }

    /// <summary>createReport, then <see cref="WaitAsync"/>.</summary>
    public async Task<Report> RequestAsync(CreateReportSpecification specification, IProgress<DocumentJobProgress>? progress = null, CancellationToken cancellationToken = default) =>
        await WaitAsync(await CreateAsync(specification, cancellationToken), progress, cancellationToken);

    /// <summary>getReportDocument: a fresh presigned URL (valid about five minutes, so ask just before downloading).</summary>
    public async Task<DocumentLocation> LocateAsync(string reportDocumentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportDocumentId);
        var document = await _reports.GetReportDocumentAsync(reportDocumentId, cancellationToken: cancellationToken);
        var location = new DocumentLocation(document?.ReportDocumentId ?? reportDocumentId,
            ParseUrl(document?.Url, reportDocumentId), document?.CompressionAlgorithm?.ToString());
        location.Validate();
        return location;
    }

    /// <summary>The DONE report's document location.</summary>
    public Task<DocumentLocation> LocateAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return LocateAsync(Required(report.ReportDocumentId, $"report {report.ReportId} has no reportDocumentId"), cancellationToken);
    }

    /// <summary>Streams the DONE report's document, decompressed, to a file (written whole or not at all).</summary>
    public async Task<DocumentDownloadResult> DownloadToFileAsync(Report report, string path, CancellationToken cancellationToken = default) =>
        await _downloader.DownloadToFileAsync(await LocateAsync(report, cancellationToken), path, cancellationToken);

    /// <summary>Streams the DONE report's document, decompressed, into a stream.</summary>
    public async Task<DocumentDownloadResult> DownloadToAsync(Report report, Stream destination, CancellationToken cancellationToken = default) =>
        await _downloader.DownloadToAsync(await LocateAsync(report, cancellationToken), destination, cancellationToken);

    internal static Uri ParseUrl(string? url, string documentId) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new DocumentException($"SP-API returned no usable URL for document {documentId}.");

    internal static string Required(string? value, string problem) =>
        string.IsNullOrWhiteSpace(value) ? throw new DocumentException($"Unexpected SP-API answer: {problem}.") : value;
}
