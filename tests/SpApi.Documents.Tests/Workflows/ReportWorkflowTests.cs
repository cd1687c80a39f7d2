using System.Text;
using SpApi.Documents.Reading;
using SpApi.Documents.Tests.Support;
using SpApi.Documents.Workflows;
using SpApi.Reports.V2021_06_30;

namespace SpApi.Documents.Tests.Workflows;

/// <summary>Reports end to end against the local sandbox, through the generated client and the full auth pipeline.</summary>
public class ReportWorkflowTests
{
    private static CreateReportSpecification Spec(string type = "GET_MERCHANT_LISTINGS_ALL_DATA", string marketplace = "ATVPDKIKX0DER") =>
        new() { ReportType = type, MarketplaceIds = [marketplace] };

    [Test]
    public async Task Listings_report_is_requested_polled_downloaded_decompressed_and_decoded()
    {
        await using var s = await SandboxSession.StartAsync();
        var seen = new List<DocumentJobStatus>();
        var report = await s.Documents.Reports.RequestAsync(Spec(), new SyncProgress(p => seen.Add(p.Status)));

        Assert.That(seen, Is.EqualTo(new[] { DocumentJobStatus.InQueue, DocumentJobStatus.InProgress, DocumentJobStatus.Done }));
        var location = await s.Documents.Reports.LocateAsync(report);
        Assert.That(location.IsGzip, Is.True);
        Assert.That(location.Url.Authority, Is.EqualTo(s.Server.BaseAddress.Authority), "the document is served by the sandbox itself");

        var rows = await s.Documents.Downloader.ReadRowsAsync(location).ToListAsync();
        Assert.That(rows, Has.Count.EqualTo(25));
        Assert.That(rows[0]["item-name"], Is.EqualTo("Café Crème Größe 1 – Señor™"));
        Assert.That(rows[0]["seller-sku"], Is.EqualTo("SKU-00001"));

        await using var content = await s.Documents.Downloader.OpenAsync(await s.Documents.Reports.LocateAsync(report));
        Assert.That(content.Encoding.WebName, Is.EqualTo("windows-1252"));
    }

    [Test]
    public async Task Japanese_marketplace_report_is_Shift_JIS_and_decodes()
    {
        await using var s = await SandboxSession.StartAsync();
        var report = await s.Documents.Reports.RequestAsync(Spec(marketplace: "A1VC38T7P3XXXX"));
        using var file = new MemoryStream();
        var result = await s.Documents.Reports.DownloadToAsync(report, file);
        Assert.That(result.EncodingName, Is.EqualTo("shift_jis"));
        var text = Encoding.GetEncoding("shift_jis").GetString(file.ToArray());
        Assert.That(text, Does.Contain("日本茶セット 第1号「抹茶」"));
        Assert.That(result.RawBytes, Is.LessThan(result.Bytes), "GZIP on the wire");
    }

    [Test]
    public async Task A_restarted_process_resumes_from_the_report_id()
    {
        await using var s = await SandboxSession.StartAsync();
        var reportId = await s.Documents.Reports.CreateAsync(Spec());

        // A new instance knows nothing but the id.
        var resumed = new ReportJobs(s.SellingPartner.Get<IReportsClient>(), s.Documents.Downloader, timeProvider: s.Time);
        var report = await resumed.WaitAsync(reportId);
        Assert.That(report.ReportId, Is.EqualTo(reportId));
        Assert.That(report.ReportDocumentId, Is.Not.Null);
    }

    [Test]
    public async Task Fatal_report_throws_with_the_error_document_text()
    {
        await using var s = await SandboxSession.StartAsync(o => o.Documents.FinalStatuses["GET_FLAT_FILE_OPEN_LISTINGS_DATA"] = "FATAL");
        var e = Assert.ThrowsAsync<DocumentJobFailedException>(() => s.Documents.Reports.RequestAsync(Spec("GET_FLAT_FILE_OPEN_LISTINGS_DATA")));
        Assert.That(e!.Status, Is.EqualTo(DocumentJobStatus.Fatal));
        Assert.That(e.ErrorDocumentText, Does.Contain("could not be generated"));
        Assert.That(e.Message, Does.Contain("FATAL").And.Contain("could not be generated"));
    }

    [Test]
    public async Task Cancelled_report_throws_a_typed_exception()
    {
        await using var s = await SandboxSession.StartAsync(o => o.Documents.FinalStatuses["GET_MERCHANT_LISTINGS_ALL_DATA"] = "CANCELLED");
        var e = Assert.ThrowsAsync<DocumentJobFailedException>(() => s.Documents.Reports.RequestAsync(Spec()));
        Assert.That(e!.Status, Is.EqualTo(DocumentJobStatus.Cancelled));
        Assert.That(e.ErrorDocumentText, Is.Null);
    }

    [Test]
    public async Task Polling_backs_off_within_the_usage_plan_and_stops_at_the_maximum_wait()
    {
        await using var s = await SandboxSession.StartAsync(o => o.Documents.PollsPerStatus = 1000, d =>
        {
            d.Jobs.InitialPollInterval = TimeSpan.Zero; // getReport's plan (2/s) still spaces the polls
            d.Jobs.MaxPollInterval = TimeSpan.FromSeconds(4);
            d.Jobs.MaxWait = TimeSpan.FromSeconds(20);
        });
        var e = Assert.ThrowsAsync<DocumentJobTimeoutException>(() => s.Documents.Reports.RequestAsync(Spec()));
        Assert.That(e!.LastStatus, Is.EqualTo(DocumentJobStatus.InQueue));
        Assert.That(e.Id, Is.Not.Empty);
        var delays = s.Time.Delays;
        Assert.That(delays[0], Is.EqualTo(TimeSpan.FromSeconds(0.5)), "1 / getReport rate");
        Assert.That(delays, Is.Ordered);
        Assert.That(delays.Max(), Is.EqualTo(TimeSpan.FromSeconds(4)));
        Assert.That(delays.Aggregate(TimeSpan.Zero, (a, b) => a + b), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task Cancellation_stops_polling()
    {
        await using var s = await SandboxSession.StartAsync(o => o.Documents.PollsPerStatus = 1000);
        using var cts = new CancellationTokenSource();
        var polls = 0;
        Assert.CatchAsync<OperationCanceledException>(() => s.Documents.Reports.RequestAsync(Spec(), new SyncProgress(_ => { if (++polls == 3) cts.Cancel(); }), cts.Token));
        Assert.That(polls, Is.EqualTo(3));
    }

    [Test]
    public async Task Statuses_can_advance_on_the_sandbox_clock_alone()
    {
        // Sandbox and poller share the instant clock: each poll interval moves it on.
        var clock = new InstantTimeProvider();
        await using var s = await SandboxSession.StartAsync(o =>
        {
            o.Documents.PollsPerStatus = 0;
            o.Documents.StatusDuration = TimeSpan.FromSeconds(10);
            o.EnforceUsagePlans = false;
        }, sandboxTime: clock);
        var jobs = new ReportJobs(s.SellingPartner.Get<IReportsClient>(), s.Documents.Downloader,
            new DocumentJobOptions { InitialPollInterval = TimeSpan.FromSeconds(3), MaxPollInterval = TimeSpan.FromSeconds(3) }, clock);
        var seen = new List<DocumentJobStatus>();
        await jobs.RequestAsync(Spec(), new SyncProgress(p => seen.Add(p.Status)));
        // t=0,3,6,9 queued; 12,15,18 in progress; 21 done.
        Assert.That(seen.Count(x => x == DocumentJobStatus.InQueue), Is.EqualTo(4));
        Assert.That(seen.Count(x => x == DocumentJobStatus.InProgress), Is.EqualTo(3));
        Assert.That(seen[^1], Is.EqualTo(DocumentJobStatus.Done));
    }
}

/// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts asynchronously).</summary>
internal sealed class SyncProgress(Action<DocumentJobProgress> report) : IProgress<DocumentJobProgress>
{
    public void Report(DocumentJobProgress value) => report(value);
}
