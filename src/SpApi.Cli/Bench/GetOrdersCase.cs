using SpApi.Orders.V0;

// Orders v0 is deprecated in the pinned models, but getOrders is still the large page every seller reads.
#pragma warning disable CS0612

namespace SpApi.Cli.Bench;

/// <summary>The large response: getOrders returning a page of 100 orders (about 300 KB).</summary>
internal sealed class GetOrdersCase(BenchTransport transport, TimeProvider time)
    : OverheadCase<OrdersClient, GetOrdersResponse>(transport, time, http => new OrdersClient(http))
{
    private const string CreatedAfter = "2026-01-01T00:00:00Z";
    private static readonly string[] MarketplaceIds = ["ATVPDKIKX0DER"];

    public override string Operation => "getOrders";

    protected override string RelativeUrl => "orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2026-01-01T00%3A00%3A00Z";

    protected override Task<GetOrdersResponse> CallAsync(OrdersClient client, CancellationToken cancellationToken) =>
        client.GetOrdersAsync(MarketplaceIds, createdAfter: CreatedAfter, cancellationToken: cancellationToken);
}
