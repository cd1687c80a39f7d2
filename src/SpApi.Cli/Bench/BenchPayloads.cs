using System.Text;
using Newtonsoft.Json;
using SpApi.Orders.V0;
using SpApi.Runtime.Json;
using SpApi.Sellers.V1;

namespace SpApi.Cli.Bench;

/// <summary>
/// The two response bodies the overhead benchmarks serve, synthesised from the models' shapes
/// (deterministic: the same bytes on every run and machine).
/// </summary>
internal static class BenchPayloads
{
    public const string MarketplaceParticipationsPath = "/sellers/v1/marketplaceParticipations";
    public const string OrdersPath = "/orders/v0/orders";

    /// <summary>Number of orders in the large response (one full getOrders page).</summary>
    public const int OrderCount = 100;

    private static readonly Lazy<byte[]> Small = new(() => Serialize(CreateParticipations()));
    private static readonly Lazy<byte[]> Large = new(() => Serialize(CreateOrders()));

    /// <summary>getMarketplaceParticipations: three marketplaces, under 2 KB.</summary>
    public static byte[] MarketplaceParticipationsJson => Small.Value;

    /// <summary>getOrders: a page of <see cref="OrderCount"/> fully populated orders, about 300 KB.</summary>
    public static byte[] OrdersJson => Large.Value;

    /// <summary>The body served for a request path, or null.</summary>
    public static byte[]? ForPath(string path) => path switch
    {
        MarketplaceParticipationsPath => MarketplaceParticipationsJson,
        OrdersPath => OrdersJson,
        _ => null,
    };

    private static GetMarketplaceParticipationsResponse CreateParticipations()
    {
        var filler = new ModelSampleFiller();
        var list = new MarketplaceParticipationList();
        for (var i = 0; i < 3; i++) list.Add(filler.Create<MarketplaceParticipation>());
        return new GetMarketplaceParticipationsResponse { Payload = list };
    }

    private static GetOrdersResponse CreateOrders()
    {
        // One entry per nested list, nesting cut at three levels and one optional field in eight left out:
        // about 3 KB per order, like a real page.
        var filler = new ModelSampleFiller(itemsPerList: 1, maxDepth: 3, omitEvery: 8);
        var orders = new OrderList();
        for (var i = 0; i < OrderCount; i++) orders.Add(filler.Create<Order>());
        return new GetOrdersResponse
        {
            Payload = new OrdersList { Orders = orders, NextToken = "2YgYW55IGNhcm5hbCBwbGVhc3VyZS4", CreatedBefore = "2026-03-01T00:00:00Z" },
        };
    }

    private static byte[] Serialize(object value) =>
        Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value, Formatting.None, SpApiJson.CreateSettings()));
}
