using SpApi.Auth;
using SpApi.Auth.Endpoints;
using SpApi.Auth.OAuth;
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;
using SpApi.Orders.V0;
using SpApi.Runtime;

namespace SpApi.Samples.Snippets;

public static class AuthenticationSnippets
{
    #region many-sellers
    public sealed class OrderSync(ISellingPartnerClientFactory sellers)
    {
        // A seller configured under SellingPartnerApi:Sellers, by name.
        public Task<SpApi.Orders.V2026_01_01.GetOrderResponse> OrderOfAsync(string seller, string orderId, CancellationToken ct) =>
            sellers.For(seller).Get<SpApi.Orders.V2026_01_01.IOrdersClient>().GetOrderAsync(orderId, cancellationToken: ct);

        // A seller loaded from your database: registered (or replaced) and used.
        public SellerClients Connect(string name, string refreshToken) =>
            sellers.For(new SellerContext(name, refreshToken, SpApiRegion.Europe));
    }
    #endregion

    public static void OAuth(WebApplication app)
    {
        #region oauth-endpoints
        app.MapGet("/amazon/connect", async (HttpContext http, SellingPartnerAuthorization auth, CancellationToken ct) =>
        {
            // state: 256 random bits, single use, expiring, bound to the session you pass.
            var consent = await auth.CreateConsentUriAsync(Marketplaces.UnitedStates, AuthorizationPortal.SellerCentral,
                sessionBinding: http.User.Identity!.Name, ct);
            return Results.Redirect(consent.AbsoluteUri);
        });

        app.MapGet("/amazon/callback", async (HttpContext http, SellingPartnerAuthorization auth,
            ISellingPartnerClientFactory sellers, CancellationToken ct) =>
        {
            try
            {
                var result = await auth.CompleteAsync(AuthorizationCallback.From(name => http.Request.Query[name].FirstOrDefault()),
                    sessionBinding: http.User.Identity!.Name, ct);
                // Store result.RefreshToken protected (e.g. ASP.NET Core Data Protection), then use the seller at once:
                sellers.For(result.ToSellerContext(result.SellingPartnerId!, SpApiRegion.NorthAmerica));
                return Results.Redirect("/connected");
            }
            catch (AuthorizationStateException e)
            {
                return Results.BadRequest(e.Message);   // forged, replayed, expired or foreign state: nothing exchanged
            }
        });
        #endregion
    }

    public static async Task RestrictedAsync(IOrdersClient orders, SpApi.Reports.V2021_06_30.IReportsClient reports, string orderId, string documentId)
    {
        #region restricted-data
        // using SpApi.Auth.Restricted;
        using (RestrictedData.Request("shippingAddress"))                          // only the address, not buyerInfo
            await orders.GetOrderAsync(orderId);
        using (RestrictedData.Request())                                           // a report of a restricted report type
            await reports.GetReportDocumentAsync(documentId);
        using (RestrictedData.Delegate("amzn1.sellerapps.app.target", "buyerInfo"))  // a delegated RDT (targetApplication)
            await orders.GetOrderAsync(orderId);
        #endregion
    }

    public static async Task PerCallSellerAsync(SpApi.Sellers.V1.ISellersClient sellersClient)
    {
        #region per-call-seller
        // using SpApi.Runtime;
        using (SpApiCall.With(new SpApiCallOptions { Seller = "acme-de" }))   // sent to acme-de's regional endpoint
            await sellersClient.GetMarketplaceParticipationsAsync();
        #endregion
    }
}
