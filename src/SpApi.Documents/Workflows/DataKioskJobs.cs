using SpApi.Clients;
using SpApi.DataKiosk.V2023_11_15;
using SpApi.Documents.Download;

namespace SpApi.Documents.Workflows;

/// <summary>
/// Data Kiosk end to end: createQuery, poll getQuery, then getDocument and a streamed download of the JSON Lines
/// result (read it with <see cref="Reading.JsonRecordReader"/>). Resume a known query with <see cref="WaitAsync"/>.
/// </summary>
public sealed class DataKioskJobs
{
    /// <summary>The job kind named in progress reports and exceptions (<see cref="DocumentJobProgress.Kind"/>).</summary>
    public const string Kind = "query";
    private readonly IDataKioskClient _kiosk;
    private readonly DocumentDownloader _downloader;
    private readonly JobPoller _poller;

    /// <summary>Data Kiosk jobs through the seller's <paramref name="kiosk"/> client, documents through <paramref name="downloader"/>; polling per <paramref name="options"/> on <paramref name="timeProvider"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    public DataKioskJobs(IDataKioskClient kiosk, DocumentDownloader downloader, DocumentJobOptions? options = null, TimeProvider? timeProvider = null)
    {
        _kiosk = kiosk ?? throw new ArgumentNullException(nameof(kiosk));
        _downloader = downloader ?? throw new ArgumentNullException(nameof(downloader));
        var jobOptions = options ?? new DocumentJobOptions();
        jobOptions.Validate();
        _poller = new JobPoller(jobOptions, timeProvider ?? TimeProvider.System, _downloader);
    }

    /// <summary>createQuery; returns the query id (keep it to resume).</summary>
    public async Task<string> CreateAsync(string query, string? paginationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var created = await _kiosk.CreateQueryAsync(new CreateQuerySpecification { Query = query, PaginationToken = paginationToken }, cancellationToken);
        return ReportJobs.Required(created?.QueryId, "createQuery returned no queryId");
    }

    /// <summary>Polls until the query is DONE. A DONE query without <c>dataDocumentId</c> found no data.</summary>
    /// <exception cref="DocumentJobFailedException">CANCELLED, or FATAL with the error document's text.</exception>
    /// <exception cref="DocumentJobTimeoutException">Not finished within <see cref="DocumentJobOptions.MaxWait"/>.</exception>
    public async Task<Query> WaitAsync(string queryId, IProgress<DocumentJobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queryId);
        return await _poller.WaitForDoneAsync(Kind, queryId, SpApiOperationCatalog.Instance.Find("dataKiosk_2023-11-15.json", "getQuery"),
            ct => _kiosk.GetQueryAsync(queryId, ct), q => q.ProcessingStatus, q => q.ErrorDocumentId, LocateAsync, progress, cancellationToken);
    }

    /// <summary>createQuery, then <see cref="WaitAsync"/>.</summary>
    public async Task<Query> RunAsync(string query, IProgress<DocumentJobProgress>? progress = null, CancellationToken cancellationToken = default) =>
        await WaitAsync(await CreateAsync(query, cancellationToken: cancellationToken), progress, cancellationToken);

    /// <summary>getDocument: a fresh presigned URL for a data or error document.</summary>
    public async Task<DocumentLocation> LocateAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        var document = await _kiosk.GetDocumentAsync(documentId, cancellationToken);
        var location = new DocumentLocation(document?.DocumentId ?? documentId, ReportJobs.ParseUrl(document?.DocumentUrl, documentId));
        location.Validate();
        return location;
    }

    /// <summary>The DONE query's data document, or null when the query found no data.</summary>
    public async Task<DocumentLocation?> LocateDataAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.DataDocumentId is { Length: > 0 } id ? await LocateAsync(id, cancellationToken) : null;
    }

    /// <summary>Streams the DONE query's JSON Lines data into a stream; false when the query found no data.</summary>
    public async Task<DocumentDownloadResult?> DownloadToAsync(Query query, Stream destination, CancellationToken cancellationToken = default) =>
        await LocateDataAsync(query, cancellationToken) is { } location ? await _downloader.DownloadToAsync(location, destination, cancellationToken) : null;
}
