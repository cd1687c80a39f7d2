using System.Text;
using Newtonsoft.Json;
using SpApi.DataKiosk.V2023_11_15;
using SpApi.Documents.Download;
using SpApi.Documents.Reading;
using SpApi.Documents.Tests.Support;
using SpApi.Documents.Workflows;
using SpApi.Feeds.V2021_06_30;
using SpApi.Sandbox.Faults;

namespace SpApi.Documents.Tests.Workflows;

/// <summary>Feeds and Data Kiosk end to end against the local sandbox, and what reaches the document URLs.</summary>
public class FeedAndDataKioskWorkflowTests
{
    private const string JsonType = "application/json; charset=UTF-8";

    private static MemoryStream ListingsFeed() => new(Encoding.UTF8.GetBytes("""
        {"header":{"sellerId":"A1SANDBOXSELLER","version":"2.0","issueLocale":"en_US"},
         "messages":[
          {"messageId":1,"sku":"SKU-1","operationType":"UPDATE","productType":"LUGGAGE","attributes":{}},
          {"messageId":2,"sku":"SKU-2","operationType":"DELETE"},
          {"messageId":3,"sku":"SKU-3","operationType":"UPDATE"}]}
        """));

    [Test]
    public async Task Json_listings_feed_is_uploaded_submitted_polled_and_its_processing_report_parsed()
    {
        await using var s = await SandboxSession.StartAsync();
        var seen = new List<DocumentJobStatus>();
        var feed = await s.Documents.Feeds.SubmitAsync("JSON_LISTINGS_FEED", ["ATVPDKIKX0DER"], ListingsFeed(), JsonType, new SyncProgress(p => seen.Add(p.Status)));

        Assert.That(seen, Is.EqualTo(new[] { DocumentJobStatus.InQueue, DocumentJobStatus.InProgress, DocumentJobStatus.Done }));
        var report = await s.Documents.Feeds.ReadListingsReportAsync(feed);
        Assert.That(report.Header!.FeedId, Is.EqualTo(feed.FeedId));
        Assert.That(report.Summary!.MessagesProcessed, Is.EqualTo(3));
        Assert.That(report.Summary.MessagesAccepted, Is.EqualTo(2));
        Assert.That(report.Issues.Single().MessageId, Is.EqualTo(3));
        Assert.That(report.Issues.Single().Severity, Is.EqualTo("ERROR"));

        var upload = s.Storage.Requests.Single(r => r.Method == HttpMethod.Put);
        Assert.That(s.Server.Documents.UploadsReceived, Is.EqualTo(1));
        Assert.That(Encoding.UTF8.GetString(s.Server.Documents.UploadedBody(upload.Url.AbsolutePath.Split('/')[^1].Replace("%2F", "/"))!), Does.Contain("SKU-3"));
    }

    [Test]
    public async Task Upload_with_another_content_type_than_declared_is_refused()
    {
        await using var s = await SandboxSession.StartAsync();
        var created = await s.SellingPartner.Get<IFeedsClient>().CreateFeedDocumentAsync(new CreateFeedDocumentSpecification { ContentType = JsonType });
        var e = Assert.ThrowsAsync<DocumentException>(() =>
            s.Documents.Uploader.UploadAsync(created.FeedDocumentId, new Uri(created.Url), "application/json", ListingsFeed()));
        Assert.That(e!.StatusCode, Is.EqualTo(403));
        // Not uploaded: createFeed for it is refused by the sandbox.
        var create = Assert.CatchAsync(() => s.Documents.Feeds.CreateAsync("JSON_LISTINGS_FEED", ["ATVPDKIKX0DER"], created.FeedDocumentId));
        Assert.That(create, Is.InstanceOf<Runtime.SpApiException>());
    }

    [Test]
    public async Task Ambiguous_createFeed_failure_is_not_reposted()
    {
        await using var s = await SandboxSession.StartAsync();
        var documentId = await s.Documents.Feeds.UploadAsync(ListingsFeed(), JsonType);
        s.Server.Faults.Inject("createFeed", new SandboxFault(SandboxFaultKind.ServiceUnavailable, Count: 1));

        var e = Assert.ThrowsAsync<FeedSubmissionAmbiguousException>(() => s.Documents.Feeds.CreateAsync("JSON_LISTINGS_FEED", ["ATVPDKIKX0DER"], documentId));
        Assert.That(e!.FeedDocumentId, Is.EqualTo(documentId));
        Assert.That(e.Candidates, Is.Not.Null);
        Assert.That(s.Server.Stats.Snapshot().RequestsByOperation["feeds_2021-06-30.json#createFeed"], Is.EqualTo(1), "sent once, never re-posted");

        // The caller decides: the uploaded document is still good for a deliberate submission.
        var feedId = await s.Documents.Feeds.CreateAsync("JSON_LISTINGS_FEED", ["ATVPDKIKX0DER"], documentId);
        Assert.That((await s.Documents.Feeds.WaitAsync(feedId)).ResultFeedDocumentId, Is.Not.Null);
    }

    [Test]
    public async Task Fatal_feed_carries_its_processing_report()
    {
        await using var s = await SandboxSession.StartAsync(o => o.Documents.FinalStatuses["JSON_LISTINGS_FEED"] = "FATAL");
        var e = Assert.ThrowsAsync<DocumentJobFailedException>(() => s.Documents.Feeds.SubmitAsync("JSON_LISTINGS_FEED", ["ATVPDKIKX0DER"], ListingsFeed(), JsonType));
        Assert.That(e!.Kind, Is.EqualTo("feed"));
        Assert.That(e.ErrorDocumentText, Does.Contain("could not be parsed"));
    }

    public sealed class KioskRecord
    {
        [JsonProperty("startDate")] public string? StartDate { get; set; }
        [JsonProperty("sales")] public KioskSales? Sales { get; set; }
    }

    public sealed class KioskSales
    {
        [JsonProperty("unitsOrdered")] public int UnitsOrdered { get; set; }
    }

    [Test]
    public async Task Data_kiosk_query_runs_and_its_json_lines_read_as_typed_records()
    {
        await using var s = await SandboxSession.StartAsync();
        var query = await s.Documents.DataKiosk.RunAsync("query { analytics_salesAndTraffic_2024_04_24 { salesAndTrafficByDate { startDate } } }");
        var location = await s.Documents.DataKiosk.LocateDataAsync(query);
        var records = await s.Documents.Downloader.ReadRecordsAsync<KioskRecord>(location!).ToListAsync();
        Assert.That(records, Has.Count.EqualTo(25));
        Assert.That(records[2].Sales!.UnitsOrdered, Is.EqualTo(3));

        // Resume by id.
        var again = await new DataKioskJobs(s.SellingPartner.Get<IDataKioskClient>(), s.Documents.Downloader, timeProvider: s.Time).WaitAsync(query.QueryId);
        Assert.That(again.DataDocumentId, Is.EqualTo(query.DataDocumentId));
    }

    [Test]
    public async Task Fatal_data_kiosk_query_carries_its_error_document()
    {
        await using var s = await SandboxSession.StartAsync(o => o.Documents.FinalStatuses[Sandbox.Documents.SandboxDocumentOptions.DataKioskKey] = "FATAL");
        var e = Assert.ThrowsAsync<DocumentJobFailedException>(() => s.Documents.DataKiosk.RunAsync("query { x }"));
        Assert.That(e!.ErrorDocumentId, Is.Not.Null);
        Assert.That(e.ErrorDocumentText, Does.Contain("could not be processed"));
    }

    [Test]
    public async Task No_SP_API_header_reaches_a_document_url()
    {
        await using var s = await SandboxSession.StartAsync();
        var report = await s.Documents.Reports.RequestAsync(new Reports.V2021_06_30.CreateReportSpecification { ReportType = "GET_MERCHANT_LISTINGS_ALL_DATA", MarketplaceIds = ["ATVPDKIKX0DER"] });
        await s.Documents.Reports.DownloadToAsync(report, Stream.Null);
        var feed = await s.Documents.Feeds.SubmitAsync("JSON_LISTINGS_FEED", ["ATVPDKIKX0DER"], ListingsFeed(), JsonType);
        await s.Documents.Feeds.DownloadResultAsync(feed, Stream.Null);
        var query = await s.Documents.DataKiosk.RunAsync("query { x }");
        await s.Documents.DataKiosk.DownloadToAsync(query, Stream.Null);

        var storage = s.Storage.Requests;
        Assert.That(storage, Has.Count.EqualTo(4), "three downloads and one upload");
        Assert.That(storage.All(r => r.Url.AbsolutePath.StartsWith("/_sandbox/documents/")), Is.True);
        foreach (var (_, _, headers) in storage)
        {
            var names = headers.Select(h => h.Key.ToLowerInvariant()).ToArray();
            Assert.That(names, Has.None.EqualTo("x-amz-access-token").And.None.EqualTo("x-amz-date").And.None.EqualTo("authorization"));
            Assert.That(headers.UserAgent.ToString(), Does.Not.Contain("documents-tests"), "the application's User-Agent is an SP-API header");
        }
        Assert.That(s.Server.Documents.RefusedWithSpApiHeaders, Is.EqualTo(0));
        Assert.That(s.Server.Documents.Downloads, Is.EqualTo(3));
    }

    [Test]
    public async Task The_sandbox_storage_refuses_a_request_carrying_an_SP_API_token()
    {
        // The check above would catch a leak: storage refuses and counts it.
        await using var s = await SandboxSession.StartAsync();
        var report = await s.Documents.Reports.RequestAsync(new Reports.V2021_06_30.CreateReportSpecification { ReportType = "GET_MERCHANT_LISTINGS_ALL_DATA", MarketplaceIds = ["ATVPDKIKX0DER"] });
        var location = await s.Documents.Reports.LocateAsync(report);
        using var raw = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, location.Url);
        request.Headers.TryAddWithoutValidation("x-amz-access-token", "Atza|leaked");
        using var response = await raw.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(s.Server.Documents.RefusedWithSpApiHeaders, Is.EqualTo(1));
    }
}
