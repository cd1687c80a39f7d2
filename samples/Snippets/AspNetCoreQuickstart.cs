using SpApi.Orders.V2026_01_01;
using SpApi.Runtime.Json;

namespace SpApi.Samples.Snippets;

public static class AspNetCoreQuickstart
{
    public static WebApplication Build(string[] args)
    {
        #region quickstart-aspnetcore
        var builder = WebApplication.CreateBuilder(args);
        // Reads the "SellingPartnerApi" section; a missing or bad setting stops the app at start, naming it.
        builder.Services.AddSellingPartnerApi(builder.Configuration.GetSection("SellingPartnerApi"));
        // Generated models in JSON responses spelled as SP-API spells them ("fulfillmentStatus": "SHIPPED").
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddSpApiModels());
        var app = builder.Build();

        // Every generated client can be injected; its calls run as the configured seller.
        app.MapGet("/orders", async (IOrdersClient orders, CancellationToken ct) =>
            (await orders.SearchOrdersAsync(createdAfter: DateTimeOffset.UtcNow.AddDays(-1),
                marketplaceIds: ["ATVPDKIKX0DER"], cancellationToken: ct)).Orders);
        #endregion
        return app;
    }
}
