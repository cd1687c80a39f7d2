using SpApi.Runtime;

namespace SpApi.Sandbox.Tests.Support;

/// <summary>A hand-built slice of the operation catalog: enough usage plans, restricted and grantless operations to test the sandbox.</summary>
internal static class TestCatalog
{
    public const string NotificationsScope = "sellingpartnerapi::notifications";

    public static OperationMetadata GetOrders { get; } = Orders("getOrders", "/orders/v0/orders", new UsagePlan(0.0167, 20), restricted: true);
    public static OperationMetadata GetOrder { get; } = Orders("getOrder", "/orders/v0/orders/{orderId}", new UsagePlan(0.5, 30), restricted: true);
    public static OperationMetadata GetOrderAddress { get; } = Orders("getOrderAddress", "/orders/v0/orders/{orderId}/address", new UsagePlan(0.5, 30), restricted: true);
    public static OperationMetadata UpdateShipmentStatus { get; } = new("ordersV0.json", "Orders", "V0", "updateShipmentStatus", "POST", "/orders/v0/orders/{orderId}/shipment", new UsagePlan(5, 15), false, null);
    public static OperationMetadata GetMarketplaceParticipations { get; } = new("sellers.json", "Sellers", "V1", "getMarketplaceParticipations", "GET", "/sellers/v1/marketplaceParticipations", new UsagePlan(2, 3), false, null);
    public static OperationMetadata GetDestinations { get; } = new("notifications.json", "Notifications", "V1", "getDestinations", "GET", "/notifications/v1/destinations", new UsagePlan(1, 5), false, NotificationsScope);
    public static OperationMetadata CreateRestrictedDataToken { get; } = new("tokens_2021-03-01.json", "Tokens", "V2021_03_01", "createRestrictedDataToken", "POST", "/tokens/2021-03-01/restrictedDataToken", new UsagePlan(1, 10), false, null);
    public static OperationMetadata SearchCatalogItems { get; } = new("catalogItems_2022-04-01.json", "CatalogItems", "V2022_04_01", "searchCatalogItems", "GET", "/catalog/2022-04-01/items", new UsagePlan(2, 2), false, null);

    public static OperationMetadata GetReportDocument { get; } = new("reports_2021-06-30.json", "Reports", "V2021_06_30", "getReportDocument", "GET", "/reports/2021-06-30/documents/{reportDocumentId}", new UsagePlan(0.0167, 15), true, null);

    public static OperationCatalog Instance { get; } = new([GetOrders, GetOrder, GetOrderAddress, UpdateShipmentStatus,
        GetMarketplaceParticipations, GetDestinations, CreateRestrictedDataToken, SearchCatalogItems, GetReportDocument]);

    private static OperationMetadata Orders(string id, string path, UsagePlan plan, bool restricted) =>
        new("ordersV0.json", "Orders", "V0", id, "GET", path, plan, restricted, null);
}
