using SpApi.Runtime;

namespace SpApi.Auth.Tests.Support;

/// <summary>Operations as the generated clients stamp them (mirrors the real models).</summary>
internal static class Ops
{
    public static readonly OperationMetadata GetOrders = new("ordersV0.json", "Orders", "V0", "getOrders", "GET", "/orders/v0/orders", new UsagePlan(0.0167, 20), true, null);
    public static readonly OperationMetadata GetOrder = new("ordersV0.json", "Orders", "V0", "getOrder", "GET", "/orders/v0/orders/{orderId}", new UsagePlan(0.5, 30), true, null);
    public static readonly OperationMetadata GetOrderItems = new("ordersV0.json", "Orders", "V0", "getOrderItems", "GET", "/orders/v0/orders/{orderId}/orderItems", new UsagePlan(0.5, 30), true, null);
    public static readonly OperationMetadata GetOrderAddress = new("ordersV0.json", "Orders", "V0", "getOrderAddress", "GET", "/orders/v0/orders/{orderId}/address", new UsagePlan(0.5, 30), true, null);
    public static readonly OperationMetadata ConfirmShipment = new("ordersV0.json", "Orders", "V0", "confirmShipment", "POST", "/orders/v0/orders/{orderId}/shipmentConfirmation", new UsagePlan(2, 10), false, null);
    public static readonly OperationMetadata SearchOrders2026 = new("orders_2026-01-01.json", "Orders", "V2026_01_01", "searchOrders", "GET", "/orders/2026-01-01/orders", null, false, null);
    public static readonly OperationMetadata GetReportDocument = new("reports_2021-06-30.json", "Reports", "V2021_06_30", "getReportDocument", "GET", "/reports/2021-06-30/documents/{reportDocumentId}", null, false, null);
    public static readonly OperationMetadata GetDestinations = new("notifications.json", "Notifications", "V1", "getDestinations", "GET", "/notifications/v1/destinations", null, false, null);
    public static readonly OperationMetadata GetSubscription = new("notifications.json", "Notifications", "V1", "getSubscription", "GET", "/notifications/v1/subscriptions/{notificationType}", null, false, null);
    public static readonly OperationMetadata RotateSecret = new("application_2023-11-30.json", "ApplicationManagement", "V2023_11_30", "rotateApplicationClientSecret", "POST", "/applications/2023-11-30/clientSecret", null, false, null);
}

/// <summary>Stands in for a generated client interface.</summary>
public interface IFakeOrdersClient
{
    Task<string> SendAsync(OperationMetadata operation, string path, CancellationToken cancellationToken = default);
}

/// <summary>Stands in for a generated client: one HttpClient ctor, stamps the operation like the generated code.</summary>
public sealed class FakeOrdersClient(HttpClient http) : SpApiClientBase, IFakeOrdersClient
{
    public HttpClient Http { get; } = http;

    public async Task<string> SendAsync(OperationMetadata operation, string path, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(Http.BaseAddress!, path));
        if (operation.Method == "POST") request.Content = new StringContent("{}");
        PrepareSpApiRequest(request, operation);
        using var response = await Http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new SpApiException("call failed", (int)response.StatusCode, body, null, null);
        return body;
    }
}
