using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Endpoints;
using SpApi.Auth.OAuth;
using SpApi.Auth.Tests.Support;

namespace SpApi.Auth.Tests.OAuth;

public class SellingPartnerAuthorizationTests
{
    private static AuthTestHost Host(bool beta = false) => AuthTestHost.Create(o =>
    {
        o.OAuth.ApplicationId = "amzn1.sp.solution.app";
        o.OAuth.RedirectUri = "https://app.example.com/amazon/callback";
        o.OAuth.Beta = beta;
    });

    [Test]
    public async Task ConsentThenCallback_ExchangesTheCodeForARefreshToken()
    {
        using var host = Host(beta: true);
        var auth = host.Services.GetRequiredService<SellingPartnerAuthorization>();

        var consent = await auth.CreateConsentUriAsync(Marketplaces.UnitedKingdom, AuthorizationPortal.SellerCentral, "session-1", CancellationToken.None);
        var query = consent.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.That(consent.Host, Is.EqualTo("sellercentral-europe.amazon.com"));
        Assert.That(query["application_id"], Is.EqualTo("amzn1.sp.solution.app"));
        Assert.That(query["version"], Is.EqualTo("beta"));
        Assert.That(query["redirect_uri"], Is.EqualTo("https://app.example.com/amazon/callback"));

        var callback = AuthorizationCallback.From(name => name switch
        {
            "state" => query["state"], "spapi_oauth_code" => "ANcode", "selling_partner_id" => "A3SELLER", _ => null,
        });
        var result = await auth.CompleteAsync(callback, "session-1", CancellationToken.None);

        Assert.That(result.RefreshToken, Is.EqualTo("Atzr|new-refresh-token"));
        Assert.That(result.SellingPartnerId, Is.EqualTo("A3SELLER"));
        var form = host.Lwa.Forms.Single();
        Assert.That(form["grant_type"], Is.EqualTo("authorization_code"));
        Assert.That(form["code"], Is.EqualTo("ANcode"));
        Assert.That(result.ToString(), Does.Not.Contain("new-refresh-token"));
        Assert.That(callback.ToString(), Does.Not.Contain("ANcode"));
    }

    [Test]
    public void Callback_WithForgedState_NeverExchangesTheCode()
    {
        using var host = Host();
        var auth = host.Services.GetRequiredService<SellingPartnerAuthorization>();

        Assert.ThrowsAsync<AuthorizationStateException>(() =>
            auth.CompleteAsync(new AuthorizationCallback("forged", "ANcode", "A3SELLER"), null, CancellationToken.None));
        Assert.That(host.Lwa.Requests, Is.Zero);
    }

    [Test]
    public void Consent_WithoutApplicationId_NamesTheSetting()
    {
        using var host = AuthTestHost.Create();
        var auth = host.Services.GetRequiredService<SellingPartnerAuthorization>();

        Assert.That(async () => await auth.CreateConsentUriAsync(Marketplaces.UnitedStates, AuthorizationPortal.SellerCentral, null, CancellationToken.None),
            Throws.InvalidOperationException.With.Message.Contains("SellingPartnerApi:OAuth:ApplicationId"));
    }
}
