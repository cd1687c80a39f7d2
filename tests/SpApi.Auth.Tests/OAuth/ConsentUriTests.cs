using SpApi.Auth.Endpoints;
using SpApi.Auth.OAuth;

namespace SpApi.Auth.Tests.OAuth;

public class ConsentUriTests
{
    [Test]
    public void SellerCentral_WithRedirectAndBeta()
    {
        var uri = ConsentUri.Build(ConsentUri.Portal(Marketplaces.UnitedStates, AuthorizationPortal.SellerCentral),
            "amzn1.sp.solution.abc", "st@te", new Uri("https://app.example.com/amazon/callback?x=1"), beta: true);

        Assert.That(uri.AbsoluteUri, Is.EqualTo(
            "https://sellercentral.amazon.com/apps/authorize/consent?application_id=amzn1.sp.solution.abc&state=st%40te" +
            "&redirect_uri=https%3A%2F%2Fapp.example.com%2Famazon%2Fcallback%3Fx%3D1&version=beta"));
    }

    [Test]
    public void VendorCentral_WithoutBeta()
    {
        var uri = ConsentUri.Build(ConsentUri.Portal(Marketplaces.Germany, AuthorizationPortal.VendorCentral), "app", "s");

        Assert.That(uri.AbsoluteUri, Is.EqualTo("https://vendorcentral.amazon.de/apps/authorize/consent?application_id=app&state=s"));
        Assert.That(uri.Query, Does.Not.Contain("version"));
    }

    [Test]
    public void EuropeanSellers_UseTheUnifiedSellerCentral() =>
        Assert.That(ConsentUri.Portal(Marketplaces.France, AuthorizationPortal.SellerCentral).Host, Is.EqualTo("sellercentral-europe.amazon.com"));

    [TestCase("http://app.example.com/callback")]
    [TestCase("/relative/callback")]
    [TestCase("ftp://app.example.com/callback")]
    public void NonHttpsRedirect_IsRejected(string redirect)
    {
        var e = Assert.Throws<ArgumentException>(() => ConsentUri.Build(Marketplaces.UnitedStates.SellerCentral, "app", "s", new Uri(redirect, UriKind.RelativeOrAbsolute)));
        Assert.That(e!.Message, Does.Contain("redirect_uri must be an absolute HTTPS address"));
    }

    [Test]
    public void MarketplaceWithoutVendorCentral_IsAClearError() =>
        Assert.That(() => ConsentUri.Portal(Marketplaces.Ireland, AuthorizationPortal.VendorCentral),
            Throws.ArgumentException.With.Message.Contains("No Vendor Central address is known for marketplace IE"));
}
