using System.Net;
using RichardSzalay.MockHttp;
using SpApi.Runtime;
using SpApi.Runtime.Json;

namespace SpApi.Clients.Tests;

/// <summary>What the generated clients put on the wire, and how they read SP-API's answers.</summary>
public class RequestShapeTests
{
    private MockHttpMessageHandler _mock = null!;
    private HttpClient _http = null!;
    private HttpRequestMessage? _sent;

    [SetUp]
    public void SetUp()
    {
        _mock = new MockHttpMessageHandler();
        _http = new HttpClient(new CaptureHandler(r => _sent = r) { InnerHandler = _mock }) { BaseAddress = new Uri("https://sellingpartnerapi-na.amazon.com/") };
    }

    [TearDown]
    public void TearDown() { _http.Dispose(); _mock.Dispose(); }

    private sealed class CaptureHandler(Action<HttpRequestMessage> capture) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            capture(request);
            return base.SendAsync(request, ct);
        }
    }

    [Test]
    public async Task Csv_arrays_are_comma_joined_and_the_operation_is_stamped()
    {
        _mock.When("*").Respond("application/json", """{"payload":{"Orders":[{"AmazonOrderId":"1","PurchaseDate":"2024-01-01T00:00:00Z","LastUpdateDate":"2024-01-01T00:00:00Z","OrderStatus":"BrandNewStatus"}]}}""");
        var orders = new SpApi.Orders.V0.OrdersClient(_http);
        var result = await orders.GetOrdersAsync(["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"], createdAfter: "2024-01-02T03:04:05-08:00", cancellationToken: CancellationToken.None);

        var query = _sent!.RequestUri!.Query;
        Assert.That(query, Does.Contain("MarketplaceIds=ATVPDKIKX0DER,A2EUQ1WTGCTBG2"));
        Assert.That(_sent.GetOperation()!.Key, Is.EqualTo("ordersV0.json#getOrders"));
        Assert.That(_sent.GetOperation()!.Restricted, Is.True);
        Assert.That(result.Payload.Orders.Single().AmazonOrderId, Is.EqualTo("1"));
        Assert.That(result.Payload.Orders.Single().OrderStatus, Is.Null, "an unknown enum value reads as null, not as a wrong member, and does not fail the response");
    }

    [Test]
    public async Task The_response_reader_is_prepared_while_the_answer_is_awaited()
    {
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var http = new HttpClient(new DelegateHandler((_, _) => answer.Task)) { BaseAddress = _http.BaseAddress };

        var call = new SpApi.Sellers.V1.SellersClient(http).GetAccountAsync(CancellationToken.None);

        Assert.That(call.IsCompleted, Is.False);
        Assert.That(ResponseReaderWarmup.WasStarted<SpApi.Sellers.V1.GetAccountResponse>(), Is.True,
            "the generated call starts preparing its response type's reader once it has sent, before the answer comes");
        answer.SetResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"payload":{"marketplaceParticipationList":[],"businessType":"NONE","sellingPlan":"PROFESSIONAL"}}""", System.Text.Encoding.UTF8, "application/json"),
        });
        Assert.That((await call).Payload, Is.Not.Null);
    }

    [Test]
    public async Task A_deferred_client_takes_its_HttpClient_on_its_first_call_and_keeps_it()
    {
        _mock.When("*").Respond("application/json", """{"payload":[]}""");
        var registrar = new DeferredFactoryOf<SpApi.Sellers.V1.SellersClient>();
        Assert.That(GeneratedClientRegistrations.AddOne("SpApi.Sellers.V1.ISellersClient", registrar), Is.True);
        var asked = 0;

        var sellers = registrar.CreateDeferred!(() => { asked++; return _http; });
        Assert.That(asked, Is.Zero, "made without an HttpClient");
        await sellers.GetMarketplaceParticipationsAsync(CancellationToken.None);
        await sellers.GetMarketplaceParticipationsAsync(CancellationToken.None);

        Assert.That(asked, Is.EqualTo(1));
        Assert.That(_sent!.RequestUri!.AbsolutePath, Is.EqualTo("/sellers/v1/marketplaceParticipations"));
    }

    [Test]
    public async Task Two_first_calls_at_once_both_send_through_the_HttpClient_stored_first()
    {
        _mock.When("*").Respond("application/json", """{"payload":[]}""");
        var registrar = new DeferredFactoryOf<SpApi.Sellers.V1.SellersClient>();
        GeneratedClientRegistrations.AddOne("SpApi.Sellers.V1.ISellersClient", registrar);
        using var both = new Barrier(2);
        var through = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var made = 0;
        var sellers = registrar.CreateDeferred!(() =>
        {
            var id = Interlocked.Increment(ref made);
            both.SignalAndWait(TimeSpan.FromSeconds(30)); // both first calls ask before either stores its HttpClient
            return new HttpClient(new CaptureHandler(_ => through.Enqueue(id)) { InnerHandler = _mock }) { BaseAddress = _http.BaseAddress };
        });

        await Task.WhenAll(Task.Run(() => sellers.GetMarketplaceParticipationsAsync(CancellationToken.None)),
            Task.Run(() => sellers.GetMarketplaceParticipationsAsync(CancellationToken.None)));
        await sellers.GetMarketplaceParticipationsAsync(CancellationToken.None);

        Assert.That(made, Is.EqualTo(2));
        Assert.That(through, Has.Count.EqualTo(3));
        Assert.That(through.Distinct(), Has.Exactly(1).Items, "every call, the racing ones too, uses the one HttpClient kept");
    }

    [Test]
    public void A_deferred_client_whose_source_gives_no_HttpClient_names_itself()
    {
        var registrar = new DeferredFactoryOf<SpApi.Sellers.V1.SellersClient>();
        GeneratedClientRegistrations.AddOne("SpApi.Sellers.V1.SellersClient", registrar);
        var sellers = registrar.CreateDeferred!(() => null!);

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => sellers.GetMarketplaceParticipationsAsync(CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("SellersClient"));
    }

    private sealed class DeferredFactoryOf<T> : IGeneratedClientRegistrar where T : class
    {
        public Func<Func<HttpClient>, T>? CreateDeferred { get; private set; }

        public void Add<TClient, TImplementation>(Func<HttpClient, TImplementation> create, Func<Func<HttpClient>, TImplementation> createDeferred)
            where TClient : class
            where TImplementation : class, TClient =>
            CreateDeferred = source => (T)(object)createDeferred(source);
    }

    [Test]
    public async Task Date_time_query_values_keep_their_offset()
    {
        _mock.When("*").Respond("application/json", """{"reports":[]}""");
        var reports = new SpApi.Reports.V2021_06_30.ReportsClient(_http);
        await reports.GetReportsAsync(reportTypes: ["GET_FLAT_FILE_OPEN_LISTINGS_DATA"], createdSince: new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-8)), cancellationToken: CancellationToken.None);
        Assert.That(Uri.UnescapeDataString(_sent!.RequestUri!.Query), Does.Contain("createdSince=2024-01-02T03:04:05-08:00"));
        Assert.That(_sent.GetOperation()!.UsagePlan, Is.EqualTo(new UsagePlan(0.0222, 10)));
    }

    [Test]
    public async Task Two_csv_parameters_in_one_method_both_arrive()
    {
        _mock.When("*").Respond("application/json", """{"items":[]}""");
        var catalog = new SpApi.CatalogItems.V2022_04_01.CatalogItemsClient(_http);
        await catalog.SearchCatalogItemsAsync(["A1"], identifiers: ["B0001", "B0002"], identifiersType: null, includedData: [SpApi.CatalogItems.V2022_04_01.IncludedData.Summaries, SpApi.CatalogItems.V2022_04_01.IncludedData.Images], cancellationToken: CancellationToken.None);
        var query = Uri.UnescapeDataString(_sent!.RequestUri!.Query);
        Assert.That(query, Does.Contain("identifiers=B0001,B0002"));
        Assert.That(query, Does.Contain("includedData=summaries,images"));
    }

    [Test]
    public async Task Path_valued_upload_resource_keeps_its_slashes()
    {
        _mock.When("*").Respond(HttpStatusCode.Created, "application/json", """{"payload":{"uploadDestinationId":"u1","url":"https://x","headers":{}}}""");
        var uploads = new SpApi.Uploads.V2020_11_01.UploadsClient(_http);
        await uploads.CreateUploadDestinationForResourceAsync(["ATVPDKIKX0DER"], "abc", "messaging/v1/orders/123-1/messages/invoice", cancellationToken: CancellationToken.None);
        Assert.That(_sent!.RequestUri!.AbsolutePath, Is.EqualTo("/uploads/2020-11-01/uploadDestinations/messaging/v1/orders/123-1/messages/invoice"));
    }

    [Test]
    public async Task An_untyped_204_beside_a_typed_200_returns_null()
    {
        _mock.When("*").Respond(HttpStatusCode.NoContent);
        var feedback = new SpApi.CustomerFeedback.V2024_06_01.CustomerFeedbackClient(_http);
        var result = await feedback.GetItemReviewTopicsAsync("B0001", "ATVPDKIKX0DER", "FREQUENCY", CancellationToken.None);
        Assert.That(result, Is.Null);
    }

    [Test]
    public async Task A_202_with_another_schema_is_success_with_its_fields()
    {
        _mock.When("*").Respond(HttpStatusCode.Accepted, "application/json", """{"orderId":"ABC123","status":"PROCESSING"}""");
        var outbound = new SpApi.FulfillmentOutbound.V2026_07_04.FulfillmentOutboundClient(_http);
        var result = await outbound.CreateOrderAsync(new SpApi.FulfillmentOutbound.V2026_07_04.CreateOrderRequest(), cancellationToken: CancellationToken.None);
        Assert.That(result.OrderId, Is.EqualTo("ABC123"));
        Assert.That(result.Status, Is.EqualTo("PROCESSING"));
    }

    [Test]
    public void Error_responses_throw_the_typed_exception_with_code_message_and_request_id()
    {
        var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"errors":[{"code":"InvalidInput","message":"Invalid Input","details":""}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        response.Headers.Add("x-amzn-RequestId", "rid-42");
        _mock.When("*").Respond(_ => response);
        var sellers = new SpApi.Sellers.V1.SellersClient(_http);
        var e = Assert.ThrowsAsync<SpApiException<SpApi.Sellers.V1.GetMarketplaceParticipationsResponse>>(() => sellers.GetMarketplaceParticipationsAsync(CancellationToken.None))!;
        Assert.That(e.StatusCode, Is.EqualTo(400));
        Assert.That(e.ErrorCode, Is.EqualTo("InvalidInput"));
        Assert.That(e.RequestId, Is.EqualTo("rid-42"));
        Assert.That(e.Message, Does.Contain("InvalidInput").And.Contain("rid-42"));
    }
}
