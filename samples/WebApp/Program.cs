// The website authorization workflow, end to end:
// "Connect your Amazon account" -> Seller Central consent page -> /amazon/callback (state checked, code exchanged)
// -> refresh token stored protected -> the seller's orders.
// dotnet run --project samples/WebApp   then open http://127.0.0.1:5080
using Microsoft.AspNetCore.DataProtection;
using SpApi.Auth;
using SpApi.Auth.Endpoints;
using SpApi.Auth.Lwa;
using SpApi.Auth.OAuth;
using SpApi.Orders.V2026_01_01;
using SpApi.Runtime;
using SpApi.Runtime.Json;
using SpApi.Samples;
using SpApi.Samples.WebApp;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var sandbox = await SampleSandbox.StartUnlessConfiguredAsync(builder.Configuration, CancellationToken.None);
var marketplace = Marketplaces.Get(builder.Configuration["Sample:MarketplaceId"] ?? Marketplaces.UnitedStates.Id);
var createdAfter = DateTimeOffset.Parse(builder.Configuration["Sample:CreatedAfter"] ?? DateTimeOffset.UtcNow.AddDays(-30).ToString("o"));
var dataDirectory = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Sample:DataDirectory"] ?? "App_Data");

builder.Services.AddSellingPartnerApi(builder.Configuration.GetSection(SellingPartnerOptions.SectionName));
builder.Services.PostConfigure<SellingPartnerOptions>(o =>
{
    if (sandbox is not null) sandbox.Configure(o, withSeller: false);
    // The callback is this app's own /amazon/callback unless configured (Amazon needs the HTTPS address you registered).
    o.OAuth.RedirectUri ??= new Uri(new Uri(AppAddress(builder.Configuration)), "/amazon/callback").ToString();
});
// Generated models in minimal API responses, spelled as SP-API spells them ("fulfillmentStatus": "SHIPPED").
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddSpApiModels());
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
builder.Services.AddSingleton(sp => new SellerTokenStore(sp.GetRequiredService<IDataProtectionProvider>(), Path.Combine(dataDirectory, "sellers")));
builder.Services.AddSingleton<BrowserSessions>();

var app = builder.Build();

app.MapGet("/", (HttpContext http, BrowserSessions sessions) => Pages.Home(sessions.SellerOf(http)));

app.MapGet("/amazon/connect", async (HttpContext http, BrowserSessions sessions, SellingPartnerAuthorization auth, CancellationToken ct) =>
{
    // A fresh single-use state, bound to this browser's session, rides along to the consent page and back.
    var consent = await auth.CreateConsentUriAsync(marketplace, AuthorizationPortal.SellerCentral, sessions.Ensure(http), ct);
    return Results.Redirect(consent.AbsoluteUri);
});

app.MapGet("/amazon/callback", async (HttpContext http, BrowserSessions sessions, SellingPartnerAuthorization auth,
    SellerTokenStore tokens, CancellationToken ct) =>
{
    var session = sessions.Current(http);
    if (session is null) return Pages.Error("Authorization failed", "This browser did not start the authorization (no session cookie).", 400);
    SellerAuthorization result;
    try
    {
        result = await auth.CompleteAsync(AuthorizationCallback.From(name => http.Request.Query[name].FirstOrDefault()), session, ct);
    }
    catch (AuthorizationStateException e)
    {
        // Forged, replayed, expired or another browser's state: the code is never exchanged.
        return Pages.Error("Authorization failed", e.Message, 400);
    }
    catch (Exception e) when (e is LwaException or ArgumentException)
    {
        return Pages.Error("Authorization failed", e.Message, 400);
    }
    if (result.SellingPartnerId is null) return Pages.Error("Authorization failed", "The callback did not name the selling partner.", 400);

    await tokens.SaveAsync(result.SellingPartnerId, result.RefreshToken, ct);
    sessions.Connect(session, result.SellingPartnerId);
    return Results.Redirect("/orders");
});

app.MapGet("/orders", async (HttpContext http, BrowserSessions sessions, SellerTokenStore tokens,
    ISellingPartnerClientFactory sellers, CancellationToken ct) =>
{
    if (await ConnectedSellerAsync(http, sessions, tokens, sellers, ct) is not { } seller) return Results.Redirect("/");
    try
    {
        return Pages.Orders(seller.SellerId, await SearchOrdersAsync(seller.Orders, ct));
    }
    catch (SpApiException e)
    {
        return Pages.Error("SP-API error", $"{e.ErrorCode}: {e.Message} (request {e.RequestId})", 502);
    }
});

// The same orders as JSON: generated models through System.Text.Json.
app.MapGet("/api/orders", async (HttpContext http, BrowserSessions sessions, SellerTokenStore tokens,
    ISellingPartnerClientFactory sellers, CancellationToken ct) =>
    await ConnectedSellerAsync(http, sessions, tokens, sellers, ct) is { } seller
        ? Results.Ok(await SearchOrdersAsync(seller.Orders, ct))
        : Results.Unauthorized());

await app.RunAsync();
if (sandbox is not null) await sandbox.DisposeAsync();

// The signed-in browser's seller, registered with the client factory under its own refresh token.
async Task<(string SellerId, IOrdersClient Orders)?> ConnectedSellerAsync(HttpContext http, BrowserSessions sessions, SellerTokenStore tokens,
    ISellingPartnerClientFactory sellers, CancellationToken ct)
{
    if (sessions.SellerOf(http) is not { } sellerId || await tokens.LoadAsync(sellerId, ct) is not { } refreshToken) return null;
    var seller = SpApi.Auth.Sellers.SellerContext.ForMarketplace($"seller-{sellerId}", refreshToken, marketplace.Id);
    return (sellerId, sellers.For(seller).Get<IOrdersClient>());
}

async Task<IReadOnlyList<Order>> SearchOrdersAsync(IOrdersClient orders, CancellationToken ct)
{
    var page = await orders.SearchOrdersAsync(createdAfter: createdAfter, marketplaceIds: [marketplace.Id],
        includedData: [IncludedData.BUYER, IncludedData.RECIPIENT, IncludedData.PROCEEDS, IncludedData.EXPENSE,
            IncludedData.PROMOTION, IncludedData.CANCELLATION, IncludedData.FULFILLMENT, IncludedData.PACKAGES], cancellationToken: ct);
    return page.Orders.ToList();
}

// The first address the app listens on (--urls, ASPNETCORE_URLS or launchSettings.json), for the default redirect URI.
static string AppAddress(IConfiguration configuration) =>
    (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://127.0.0.1:5080").Split(';')[0].Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1");
