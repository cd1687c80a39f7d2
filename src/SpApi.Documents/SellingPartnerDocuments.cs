using SpApi.Auth;
using SpApi.DataKiosk.V2023_11_15;
using SpApi.Documents.Download;
using SpApi.Documents.Upload;
using SpApi.Documents.Workflows;
using SpApi.Feeds.V2021_06_30;
using SpApi.Reports.V2021_06_30;

namespace SpApi.Documents;

/// <summary>
/// Reports, feeds and Data Kiosk for one seller: SP-API calls go through the seller's pipeline clients,
/// document bytes through a separate storage client that never carries SP-API headers.
/// <code>
/// using var sp = SellingPartnerClient.Create(options);
/// using var documents = SellingPartnerDocuments.Create(sp);
/// var report = await documents.Reports.RequestAsync(spec, progress, ct);
/// await documents.Reports.DownloadToFileAsync(report, "report.txt", ct);
/// </code>
/// </summary>
public sealed class SellingPartnerDocuments : IDisposable
{
    private readonly HttpClient? _ownedStorage;

    /// <summary>
    /// Over the given SP-API clients (from DI or <c>SellingPartnerClient.Get</c>) and a storage client that must not be
    /// an SP-API pipeline client (see <see cref="DocumentHttp.CreateStorageClient"/>; not disposed here).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    public SellingPartnerDocuments(IReportsClient reports, IFeedsClient feeds, IDataKioskClient dataKiosk, HttpClient storageClient,
        SpApiDocumentsOptions? options = null, TimeProvider? timeProvider = null)
        : this(reports, feeds, dataKiosk, storageClient, options, timeProvider, ownsStorage: false)
    {
    }

    private SellingPartnerDocuments(IReportsClient reports, IFeedsClient feeds, IDataKioskClient dataKiosk, HttpClient storageClient,
        SpApiDocumentsOptions? options, TimeProvider? timeProvider, bool ownsStorage)
    {
        options ??= new SpApiDocumentsOptions();
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        Downloader = new DocumentDownloader(storageClient, options.Download, time);
        Uploader = new DocumentUploader(storageClient, options.Download, time);
        Reports = new ReportJobs(reports, Downloader, options.Jobs, time);
        Feeds = new FeedJobs(feeds, Downloader, Uploader, options.Jobs, time);
        DataKiosk = new DataKioskJobs(dataKiosk, Downloader, options.Jobs, time);
        if (ownsStorage) _ownedStorage = storageClient;
    }

    /// <summary>For the default seller of <paramref name="sellingPartner"/>; <paramref name="storageTransport"/> replaces the storage sockets (tests).</summary>
    public static SellingPartnerDocuments Create(SellingPartnerClient sellingPartner, SpApiDocumentsOptions? options = null,
        TimeProvider? timeProvider = null, HttpMessageHandler? storageTransport = null)
    {
        ArgumentNullException.ThrowIfNull(sellingPartner);
        return new SellingPartnerDocuments(sellingPartner.Get<IReportsClient>(), sellingPartner.Get<IFeedsClient>(), sellingPartner.Get<IDataKioskClient>(),
            DocumentHttp.CreateStorageClient(storageTransport), options, timeProvider, ownsStorage: true);
    }

    /// <summary>Report requests, polling and downloads.</summary>
    public ReportJobs Reports { get; }

    /// <summary>Feed uploads, submissions, polling and processing reports.</summary>
    public FeedJobs Feeds { get; }

    /// <summary>Data Kiosk queries, polling and their JSON Lines documents.</summary>
    public DataKioskJobs DataKiosk { get; }

    /// <summary>Streams any document from its presigned URL (GZIP and charset handled).</summary>
    public DocumentDownloader Downloader { get; }

    /// <summary>Uploads feed documents to their presigned URLs.</summary>
    public DocumentUploader Uploader { get; }

    /// <summary>Disposes the storage client when <see cref="Create"/> made it; a client passed in stays open.</summary>
    public void Dispose() => _ownedStorage?.Dispose();
}
