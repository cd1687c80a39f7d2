// The consumer test's checks of the add-on packages (build/consumer-test.sh, docs/packages.md): SpApi.Documents,
// SpApi.Notifications (with SpApi.Schemas), SpApi.Notifications.Sqs and SpApi.Auth.Redis, used from their NuGet packages. No network: the
// packaged sandbox on loopback, in-memory documents, and a Redis port that nothing listens on.
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpApi.Auth;
using SpApi.Auth.Redis;
using SpApi.Documents;
using SpApi.Documents.Download;
using SpApi.Documents.Reading;
using SpApi.Documents.Workflows;
using SpApi.Notifications;
using SpApi.Notifications.Sqs;

internal static class AddOnChecks
{
    /// <summary>
    /// A report end to end against the packaged sandbox (createReport, getReport until DONE, getReportDocument, the
    /// GZIP tab-delimited document from its presigned URL), then a windows-1252 GZIP document from a local stream.
    /// </summary>
    public static async Task DocumentsAsync(SellingPartnerClient sp, Action<bool, string> check, CancellationToken ct)
    {
        var polling = new SpApiDocumentsOptions { Jobs = { InitialPollInterval = TimeSpan.Zero, MaxPollInterval = TimeSpan.FromMilliseconds(100) } };
        using var documents = SellingPartnerDocuments.Create(sp, polling);
        var report = await documents.Reports.RequestAsync(new SpApi.Reports.V2021_06_30.CreateReportSpecification
        {
            ReportType = "GET_MERCHANT_LISTINGS_ALL_DATA",
            MarketplaceIds = ["ATVPDKIKX0DER"],
        }, progress: null, ct);
        var location = await documents.Reports.LocateAsync(report, ct);
        var rows = new List<TabDelimitedRow>();
        await foreach (var row in documents.Downloader.ReadRowsAsync(location, ct)) rows.Add(row);
        // The sandbox's flat files are windows-1252: '–' and '™' decode right only with the document's charset.
        check(location.IsGzip && rows.Count > 0 && rows[0]["seller-sku"] == "SKU-00001" && rows[0]["item-name"] == "Caf\u00e9 Cr\u00e8me Gr\u00f6\u00dfe 1 \u2013 Se\u00f1or\u2122",
            $"documents: a GZIP windows-1252 report from the sandbox read as {rows.Count} tab-delimited rows keyed by its header");

        // A document from a local stream: GZIP, windows-1252 (Amazon's flat files in Europe; '–' is one byte, 0x96).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var tsv = Encoding.GetEncoding(1252).GetBytes("sku\titem-name\tquantity\r\nA-1\tCaf\u00e9 \u2013 cr\u00e8me\t3\r\nB-2\tTh\u00e9\t0\r\n");
        using var storage = DocumentHttp.CreateStorageClient(new LocalDocument(Gzip(tsv), "text/plain; charset=windows-1252"));
        var downloader = new DocumentDownloader(storage);
        var local = new DocumentLocation("local-1", new Uri("https://storage.example/local-1"), "GZIP");
        var items = new List<TabDelimitedRow>();
        await foreach (var row in downloader.ReadRowsAsync(local, ct)) items.Add(row);
        check(items.Count == 2 && items[0]["item-name"] == "Caf\u00e9 \u2013 cr\u00e8me" && items[1]["quantity"] == "0",
            "documents: a windows-1252 GZIP document from a local stream decoded into rows by column name");

        // The storage client refuses an SP-API header before anything is sent (no token to a document URL).
        using var leaky = new HttpRequestMessage(HttpMethod.Get, local.Url);
        leaky.Headers.TryAddWithoutValidation("x-amz-access-token", "Atza|not-a-real-token");
        var refused = false;
        try { using var _ = await storage.SendAsync(leaky, ct); }
        catch (InvalidOperationException e) { refused = !e.Message.Contains("Atza|", StringComparison.Ordinal); }
        check(refused, "documents: the storage client refuses to send an SP-API token to a document URL");
    }

    /// <summary>An SQS body typed by Amazon's pinned schema, an EventBridge event of a type no schema knows, and a non-notification.</summary>
    public static void Notifications(Action<bool, string> check)
    {
        const string sqsBody = """
            {"NotificationVersion":"1.0","NotificationType":"ORDER_CHANGE","PayloadVersion":"1.0","EventTime":"2026-01-11T00:09:53.109Z",
             "Payload":{"OrderChangeNotification":{"NotificationLevel":"OrderLevel","SellerId":"A3TH9S8BH6GOGM","AmazonOrderId":"903-8868176-2219830",
               "OrderChangeType":"BuyerRequestedChange","Summary":{"MarketplaceId":"ATVPDKIKX0DER","OrderStatus":"Unshipped","NumberOfItemsUnshipped":10}}},
             "NotificationMetadata":{"ApplicationId":"app-id-1","SubscriptionId":"subscription-id-1","PublishTime":"2026-01-11T00:09:54Z","NotificationId":"n-1"}}
            """;
        var order = NotificationReader.Default.Read(sqsBody);
        var typed = order.As<SpApi.Notifications.OrderChange.OrderChangeNotification>();
        check(order.Source == NotificationSource.Sqs && typed?.Payload.OrderChangeNotification.AmazonOrderId == "903-8868176-2219830"
              && typed.Payload.OrderChangeNotification.Summary.NumberOfItemsUnshipped == 10 && order.Metadata?.NotificationId == "n-1",
            "notifications: an SQS ORDER_CHANGE body read as the type generated from Amazon's schema");

        const string eventBridge = """
            {"version":"0","id":"e-1","detail-type":"SOME_FUTURE_CHANGE","source":"aws.partner/sellingpartnerapi.amazon.com/amzn1.sellerapps.app.1",
             "detail":{"NotificationVersion":"1.0","NotificationType":"SOME_FUTURE_CHANGE","PayloadVersion":"1.0","Payload":{"anything":1}}}
            """;
        var unknown = NotificationReader.Default.Read(eventBridge);
        check(unknown.Source == NotificationSource.EventBridge && !unknown.IsKnownType && unknown.Payload?["anything"]?.ToString() == "1",
            "notifications: an EventBridge event of an unknown type reads as a raw notification, nothing lost");

        var refused = false;
        try { NotificationReader.Default.Read("""{"Records":[]}"""); }
        catch (NotificationFormatException) { refused = true; }
        check(refused, "notifications: a message that is not a notification throws NotificationFormatException");

        // The SQS consumer checks its options when it is made (an SQS client is made offline; nothing is received here).
        using var sqs = new Amazon.SQS.AmazonSQSClient(new Amazon.Runtime.AnonymousAWSCredentials(), Amazon.RegionEndpoint.USEast1);
        string? problem = null;
        try { using var _ = new SqsNotificationConsumer(sqs, new IgnoreNotifications(), Options.Create(new SqsNotificationConsumerOptions { QueueUrl = "orders-queue" })); }
        catch (InvalidOperationException e) { problem = e.Message; }
        using var consumer = new SqsNotificationConsumer(sqs, new IgnoreNotifications(), Options.Create(new SqsNotificationConsumerOptions
        {
            QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/orders-queue",
        }));
        check(problem?.Contains("QueueUrl") == true, "notifications.sqs: a consumer with a queue name instead of its URL is refused, naming QueueUrl");
    }

    private sealed class IgnoreNotifications : INotificationHandler
    {
        public Task HandleAsync(SpApiNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// <c>UseRedis(...)</c>: bad options fail naming each one; with Redis unreachable a call still succeeds on local
    /// buckets, and the outage is counted once.
    /// </summary>
    public static async Task RedisAsync(Func<SellingPartnerOptions> options, Action<bool, string> check, CancellationToken ct)
    {
        using (var bad = SellingPartnerClient.Create(options(), b => b.UseRedis("127.0.0.1:6379", r => { r.ExpectedFleetSize = 0; r.TokenEncryptionKey = "short"; })))
        {
            string? message = null;
            try { bad.Services.GetRequiredService<FleetRedis>(); }
            catch (OptionsValidationException e) { message = e.Message; }
            check(message is not null && message.Contains("ExpectedFleetSize") && message.Contains("TokenEncryptionKey"),
                "redis: UseRedis with invalid options fails with OptionsValidationException naming each bad option");
        }

        // A loopback port nobody listens on: the connection is refused at once, no network involved.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var fleet = SellingPartnerClient.Create(options(), b => b.UseRedis(
            $"127.0.0.1:{closedPort},connectTimeout=500,syncTimeout=500,asyncTimeout=500", r => r.ExpectedFleetSize = 2));
        var participations = await fleet.Get<SpApi.Sellers.V1.ISellersClient>().GetMarketplaceParticipationsAsync(ct);
        var redis = fleet.Services.GetRequiredService<FleetRedis>();
        check(participations.Payload is { Count: > 0 } && redis.IsDown && redis.Outages == 1,
            "redis: with Redis unreachable a call succeeds on local buckets and the outage is counted once");
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return buffer.ToArray();
    }

    /// <summary>Answers every GET with one in-memory document, as storage would.</summary>
    private sealed class LocalDocument(byte[] body, string contentType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
