#region quickstart-console
using SpApi.Auth;
using SpApi.Orders.V2026_01_01;

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
await using var sp = SellingPartnerClient.Create(new SellingPartnerOptions
{
    ClientId = Environment.GetEnvironmentVariable("SPAPI_CLIENT_ID"),         // amzn1.application-oa2-client.…
    ClientSecret = Environment.GetEnvironmentVariable("SPAPI_CLIENT_SECRET"),
    RefreshToken = Environment.GetEnvironmentVariable("SPAPI_REFRESH_TOKEN"), // Atzr|… (the seller's authorization)
    MarketplaceId = "ATVPDKIKX0DER",                                          // the region follows the marketplace
});

var orders = sp.Get<IOrdersClient>();
var page = await orders.SearchOrdersAsync(createdAfter: DateTimeOffset.UtcNow.AddDays(-7),
    marketplaceIds: ["ATVPDKIKX0DER"], cancellationToken: cancel.Token);
foreach (var order in page.Orders)
    Console.WriteLine($"{order.OrderId} {order.CreatedTime:u} {order.Fulfillment?.FulfillmentStatus}");
#endregion
