using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SpApi.Auth.Tests.Support;
using SpApi.Clients;
using SpApi.Runtime;
using SpApi.Runtime.Paging;
// The generated paging methods are extension methods in each client's namespace.
using SpApi.CatalogItems.V2022_04_01;
using SpApi.FinancesInvoices.V2026_06_25;
using SpApi.FulfillmentInbound.V2024_03_20;
using SpApi.Orders.V0;
using SpApi.Reports.V2021_06_30;
using SpApi.SellerWallet.V2024_03_01;
using SpApi.VendorOrders.V1;

namespace SpApi.Auth.Tests.Paging;

/// <summary>
/// The generated <c>…PagesAsync</c>/<c>…ItemsAsync</c> methods, one operation per token style, through the real
/// DI pipeline (auth, operation stamping) against MockHttp. Pages are built from the operation's own
/// pagination metadata, so the metadata is checked too.
/// </summary>
public class GeneratedPagingTests
{
    /// <summary>One token style: the operation, where its items sit, and how to walk it.</summary>
    public sealed record Style(string ModelFile, string OperationId, string ItemsPath, string IdProperty,
        Func<IServiceProvider, CancellationToken, IAsyncEnumerable<object>> Pages,
        Func<IServiceProvider, CancellationToken, IAsyncEnumerable<string>> ItemIds)
    {
        public override string ToString() => $"{ModelFile}#{OperationId}";
    }

    public static IEnumerable<Style> Styles()
    {
        // NextToken -> payload.NextToken
        yield return new("ordersV0.json", "getOrders", "payload.Orders", "AmazonOrderId",
            (s, ct) => Box(s.GetRequiredService<SpApi.Orders.V0.IOrdersClient>().GetOrdersPagesAsync(["ATVPDKIKX0DER"], cancellationToken: ct)),
            (s, ct) => Map(s.GetRequiredService<SpApi.Orders.V0.IOrdersClient>().GetOrdersItemsAsync(["ATVPDKIKX0DER"], cancellationToken: ct), o => o.AmazonOrderId));
        // nextToken -> nextToken (root)
        yield return new("reports_2021-06-30.json", "getReports", "reports", "reportId",
            (s, ct) => Box(s.GetRequiredService<SpApi.Reports.V2021_06_30.IReportsClient>().GetReportsPagesAsync(cancellationToken: ct)),
            (s, ct) => Map(s.GetRequiredService<SpApi.Reports.V2021_06_30.IReportsClient>().GetReportsItemsAsync(cancellationToken: ct), r => r.ReportId));
        // pageToken -> pagination.nextToken
        yield return new("catalogItems_2022-04-01.json", "searchCatalogItems", "items", "asin",
            (s, ct) => Box(s.GetRequiredService<SpApi.CatalogItems.V2022_04_01.ICatalogItemsClient>().SearchCatalogItemsPagesAsync(["ATVPDKIKX0DER"], cancellationToken: ct)),
            (s, ct) => Map(s.GetRequiredService<SpApi.CatalogItems.V2022_04_01.ICatalogItemsClient>().SearchCatalogItemsItemsAsync(["ATVPDKIKX0DER"], cancellationToken: ct), i => i.Asin));
        // paginationToken -> pagination.nextToken
        yield return new("fulfillmentInbound_2024-03-20.json", "listInboundPlans", "inboundPlans", "inboundPlanId",
            (s, ct) => Box(s.GetRequiredService<SpApi.FulfillmentInbound.V2024_03_20.IFulfillmentInboundClient>().ListInboundPlansPagesAsync(cancellationToken: ct)),
            (s, ct) => Map(s.GetRequiredService<SpApi.FulfillmentInbound.V2024_03_20.IFulfillmentInboundClient>().ListInboundPlansItemsAsync(cancellationToken: ct), p => p.InboundPlanId));
        // nextPageToken -> nextPageToken
        yield return new("sellerWallet_2024-03-01.json", "listAccountTransactions", "transactions", "transactionId",
            (s, ct) => Box(s.GetRequiredService<SpApi.SellerWallet.V2024_03_01.ISellerWalletClient>().ListAccountTransactionsPagesAsync("acct-1", "ATVPDKIKX0DER", cancellationToken: ct)),
            (s, ct) => Map(s.GetRequiredService<SpApi.SellerWallet.V2024_03_01.ISellerWalletClient>().ListAccountTransactionsItemsAsync("acct-1", "ATVPDKIKX0DER", cancellationToken: ct), t => t.TransactionId));
        // nextTokenForLineItems -> nextTokenForLineItems
        yield return new("financesInvoices_2026-06-25.json", "getInvoice", "invoiceItems", "lineItemId",
            (s, ct) => Box(s.GetRequiredService<SpApi.FinancesInvoices.V2026_06_25.IFinancesInvoicesClient>().GetInvoicePagesAsync("ATVPDKIKX0DER", "INV-1", cancellationToken: ct)),
            (s, ct) => Map(s.GetRequiredService<SpApi.FinancesInvoices.V2026_06_25.IFinancesInvoicesClient>().GetInvoiceItemsAsync("ATVPDKIKX0DER", "INV-1", cancellationToken: ct), i => i.LineItemId));
        // nextToken -> payload.pagination.nextToken
        yield return new("vendorOrders.json", "getPurchaseOrders", "payload.orders", "purchaseOrderNumber",
            (s, ct) => Box(s.GetRequiredService<SpApi.VendorOrders.V1.IVendorOrdersClient>().GetPurchaseOrdersPagesAsync(cancellationToken: ct)),
            (s, ct) => Map(s.GetRequiredService<SpApi.VendorOrders.V1.IVendorOrdersClient>().GetPurchaseOrdersItemsAsync(cancellationToken: ct), o => o.PurchaseOrderNumber));
    }

    [TestCaseSource(nameof(Styles))]
    public async Task Pages_follow_the_token_until_it_is_absent(Style style)
    {
        using var host = Host(style, ["t1", "t2", null], out var op);
        var pages = await ToListAsync(style.Pages(host.Services, CancellationToken.None));

        Assert.That(pages, Has.Count.EqualTo(3));
        AssertSentTokens(host, op, [null, "t1", "t2"]);
    }

    [TestCaseSource(nameof(Styles))]
    public async Task Items_flatten_every_page_in_order(Style style)
    {
        using var host = Host(style, ["t1", ""], out _);
        var ids = await ToListAsync(style.ItemIds(host.Services, CancellationToken.None));

        // An empty token ends the stream like an absent one.
        Assert.That(ids, Is.EqualTo(new[] { "item-0a", "item-0b", "item-1a", "item-1b" }));
    }

    [TestCaseSource(nameof(Styles))]
    public void A_repeated_token_ends_with_a_typed_error(Style style)
    {
        using var host = Host(style, ["t1", "t2", "t1", "t2"], out var op);
        var pages = new List<object>();

        var e = Assert.ThrowsAsync<SpApiPaginationException>(async () =>
        {
            await foreach (var page in style.Pages(host.Services, CancellationToken.None)) pages.Add(page);
        });

        Assert.That(e!.Operation, Is.EqualTo(op));
        Assert.That(e.Page, Is.EqualTo(3));
        Assert.That(pages, Has.Count.EqualTo(3));
        Assert.That(e.Message, Does.Contain(style.OperationId).And.Not.Contain("t1"));
        AssertSentTokens(host, op, [null, "t1", "t2"]);
    }

    [TestCaseSource(nameof(Styles))]
    public void Cancellation_mid_stream_stops_before_the_next_request(Style style)
    {
        using var host = Host(style, ["t1", "t2", null], out var op);
        using var cts = new CancellationTokenSource();
        var seen = 0;

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in style.Pages(host.Services, cts.Token))
                if (++seen == 1) cts.Cancel();
        });

        Assert.That(seen, Is.EqualTo(1));
        AssertSentTokens(host, op, [null]);
    }

    [Test]
    public void Every_operation_with_a_page_token_parameter_is_marked()
    {
        var paginated = SpApiOperationCatalog.Instance.All.Where(o => o.Pagination is not null).ToArray();
        // The detector is general; at the current pin Amazon's models hold 73 such operations in 33 files.
        Assert.That(paginated, Has.Length.EqualTo(73));
        Assert.That(paginated.Select(o => o.ModelFile).Distinct().Count(), Is.EqualTo(33));
        Assert.That(paginated.Select(o => o.Pagination!.RequestToken).Distinct(),
            Is.EquivalentTo(new[] { "nextToken", "NextToken", "paginationToken", "pageToken", "nextPageToken", "nextTokenForLineItems" }));
    }

    private static AuthTestHost Host(Style style, string?[] nextTokens, out OperationMetadata op)
    {
        var host = AuthTestHost.Create(generatedClients: true);
        var operation = SpApiOperationCatalog.Instance.Get(style.ModelFile, style.OperationId);
        op = operation;
        var pagination = operation.Pagination ?? throw new AssertionException($"{style} has no pagination metadata");
        host.SpApi.Responder = sent =>
        {
            // Restricted operations (getOrders) fetch an RDT through the pipeline first.
            if (sent.OperationKey?.EndsWith("#createRestrictedDataToken", StringComparison.Ordinal) == true)
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"restrictedDataToken\":\"Atz.sprdt|paging\",\"expiresIn\":3600}") };
            if (sent.OperationKey != operation.Key) return null;
            var token = Query(sent.Uri, pagination.RequestToken);
            var index = token is null ? 0 : Array.IndexOf(nextTokens, token) + 1;
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(Page(pagination.ResponseToken, nextTokens[index], style, index).ToString()),
            };
        };
        return host;
    }

    /// <summary>A page with two items and, at the metadata's path, the next token (omitted when null).</summary>
    private static JObject Page(string tokenPath, string? next, Style style, int index)
    {
        var page = new JObject();
        var items = new JArray(new JObject { [style.IdProperty] = $"item-{index}a" }, new JObject { [style.IdProperty] = $"item-{index}b" });
        Set(page, style.ItemsPath, items);
        if (next is not null) Set(page, tokenPath, next);
        return page;
    }

    private static void Set(JObject root, string dottedPath, JToken value)
    {
        var parts = dottedPath.Split('.');
        var node = root;
        foreach (var part in parts[..^1]) node = node[part] as JObject ?? (JObject)(node[part] = new JObject());
        node[parts[^1]] = value;
    }

    private static void AssertSentTokens(AuthTestHost host, OperationMetadata op, string?[] expected)
    {
        var all = host.SpApi.Sent.ToArray();
        Assert.That(all.Select(s => s.OperationKey), Is.All.Not.Null, "every request went through the pipeline stamped with its operation");
        var sent = all.Where(s => s.OperationKey == op.Key).ToArray();
        Assert.That(sent.Select(s => s.Token), Is.All.Not.Null, "every page carried an access token");
        Assert.That(sent.Select(s => Query(s.Uri, op.Pagination!.RequestToken)), Is.EqualTo(expected));
    }

    private static string? Query(Uri uri, string name) =>
        System.Web.HttpUtility.ParseQueryString(uri.Query)[name];

    private static async IAsyncEnumerable<object> Box<T>(IAsyncEnumerable<T> source)
    {
        await foreach (var item in source) yield return item!;
    }

    private static async IAsyncEnumerable<string> Map<T>(IAsyncEnumerable<T> source, Func<T, string> id)
    {
        await foreach (var item in source) yield return id(item);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}
