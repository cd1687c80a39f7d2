using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using SpApi.Auth;
using SpApi.Auth.Endpoints;
using SpApi.Auth.OAuth;
using SpApi.Cli.Tests.Support;
using SpApi.Clients;
using SpApi.Sandbox;

namespace SpApi.Cli.Tests.Integration;

/// <summary>
/// An application using SpApi.Auth against the local sandbox, the way the docs tell users to test their own app:
/// website authorization (consent redirect, code exchange) and a first call as the new seller.
/// </summary>
public class OAuthWorkflowAgainstSandboxTests
{
    [Test]
    public async Task Consent_code_exchange_and_a_call_as_the_new_seller()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Cases = SmokeModels.Cases,
            Catalog = SpApiOperationCatalog.Instance,
            ConsentSellerId = "A9CONSENTED",
        }, CancellationToken.None);
        var app = SandboxCredential.Default;
        await using var sp = SellingPartnerClient.Create(new SellingPartnerOptions
        {
            ClientId = app.ClientId,
            ClientSecret = app.ClientSecret,
            AllowNoSellers = true,
            BaseAddress = sandbox.BaseAddress.ToString(),
            LwaEndpoint = sandbox.TokenEndpoint.ToString(),
            AllowLoopbackBaseAddress = true,
            OAuth = { ApplicationId = "amzn1.sp.solution.sandbox-test", RedirectUri = "https://app.example.com/amazon/callback" },
        });

        // The app sends the partner to Seller Central; in a test the sandbox plays Seller Central.
        var consent = await sp.Authorization.CreateConsentUriAsync(Marketplaces.UnitedStates, AuthorizationPortal.SellerCentral, "session-1", CancellationToken.None);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var redirect = await browser.GetAsync(new Uri(sandbox.BaseAddress, consent.PathAndQuery));
        Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(redirect.Headers.Location!.GetLeftPart(UriPartial.Path), Is.EqualTo("https://app.example.com/amazon/callback"));
        var query = QueryHelpers.ParseQuery(redirect.Headers.Location.Query);

        var authorization = await sp.Authorization.CompleteAsync(AuthorizationCallback.From(name => query.TryGetValue(name, out var v) ? v.ToString() : null),
            "session-1", CancellationToken.None);
        Assert.That(authorization.SellingPartnerId, Is.EqualTo("A9CONSENTED"));

        // A seller registered at run time names its endpoint: here the sandbox (SellingPartnerOptions.BaseAddress covers configured sellers).
        var seller = authorization.ToSellerContext("new-seller", SpApiRegion.NorthAmerica) with { BaseAddress = sandbox.BaseAddress };
        var sellers = sp.For(seller).Get<SpApi.Sellers.V1.ISellersClient>();
        var participations = await sellers.GetMarketplaceParticipationsAsync();
        Assert.That(participations.Payload, Is.Not.Empty);

        var stats = sandbox.Stats.Snapshot();
        Assert.That(stats.TokenGrants["authorization_code"], Is.EqualTo(1));
        Assert.That(stats.TokenGrants["refresh_token"], Is.EqualTo(1), "the pipeline refreshes with the new seller's refresh token");
        Assert.That(stats.RequestsBySeller["A9CONSENTED"], Is.EqualTo(1));
    }
}
