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

    public ReportJobs Reports { get; }
    public FeedJobs Feeds { get; }
    public DataKioskJobs DataKiosk { get; }
    public DocumentDownloader Downloader { get; }
    public DocumentUploader Uploader { get; }

    public void Dispose() => _ownedStorage?.Dispose();
}
