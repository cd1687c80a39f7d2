using SpApi.Runtime;

namespace SpApi.Testing;

/// <summary>Operation metadata as the generated clients stamp it, for handler tests.</summary>
public static class TestOperations
{
    public static readonly OperationMetadata GetOrders =
        new("ordersV0.json", "Orders", "V0", "getOrders", "GET", "/orders/v0/orders", new UsagePlan(0.0167, 20), false, null);

    public static readonly OperationMetadata CreateReport =
        new("reports_2021-06-30.json", "Reports", "V2021_06_30", "createReport", "POST", "/reports/2021-06-30/reports", new UsagePlan(0.0167, 15), false, null);

    public static readonly OperationMetadata GetItemOffersBatch =
        new("productPricingV0.json", "ProductPricing", "V0", "getItemOffersBatch", "POST", "/batches/products/pricing/v0/itemOffers", new UsagePlan(0.1, 1), false, null);

    /// <summary>An operation with a chosen plan (null = undocumented).</summary>
    public static OperationMetadata WithPlan(double? rate, int burst = 1, string method = "GET", string id = "testOperation") =>
        new("test.json", "Test", "V0", id, method, "/test/" + id, rate is null ? null : new UsagePlan(rate.Value, burst), false, null);

    public const string Endpoint = "https://sellingpartnerapi-na.amazon.com";

    public static HttpRequestMessage Request(OperationMetadata op, string? seller = null, HttpContent? content = null, string endpoint = Endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(op.Method), endpoint + op.PathTemplate) { Content = content };
        request.Options.Set(SpApiRequestOptions.Operation, op);
        if (seller is not null) request.Options.Set(SpApiRequestOptions.Seller, seller);
        return request;
    }
}
