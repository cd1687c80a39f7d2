using SpApi.Auth.Endpoints;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tests.Support;

namespace SpApi.Auth.Tests.DependencyInjection;

/// <summary>SellingPartnerOptions.BaseAddress covers sellers added at run time, not only configured ones.</summary>
public class RuntimeSellerBaseAddressTests
{
    private const string LocalSandbox = "http://127.0.0.1:5080/";

    [Test]
    public async Task FactoryFor_SellerWithoutBaseAddress_GoesToTheConfiguredBaseAddress()
    {
        using var host = AuthTestHost.Create(o => { o.BaseAddress = LocalSandbox; o.AllowLoopbackBaseAddress = true; });

        var late = host.Factory.For(new SellerContext("late", "Atzr|late", SpApiRegion.Europe));
        await late.Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        var sent = host.SpApi.Sent.Single();
        Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5080/orders/v0/orders/1/shipmentConfirmation"));
        Assert.That(sent.Token, Is.EqualTo("access-Atzr|late-1"));
        Assert.That(late.Seller.Endpoint, Is.EqualTo(new Uri(LocalSandbox)));
    }

    [Test]
    public async Task FactoryFor_SellerWithItsOwnBaseAddress_KeepsIt()
    {
        using var host = AuthTestHost.Create(o => { o.BaseAddress = LocalSandbox; o.AllowLoopbackBaseAddress = true; });

        var seller = new SellerContext("eu", "Atzr|eu", SpApiRegion.Europe) { BaseAddress = new Uri("https://sellingpartnerapi-eu.amazon.com/") };
        await host.Factory.For(seller).Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.SpApi.Sent.Single().Uri.Host, Is.EqualTo("sellingpartnerapi-eu.amazon.com"));
    }

    [Test]
    public async Task FactoryFor_WithoutAConfiguredBaseAddress_UsesTheSellersRegion()
    {
        using var host = AuthTestHost.Create();

        await host.Factory.For(new SellerContext("fe", "Atzr|fe", SpApiRegion.FarEast)).Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.SpApi.Sent.Single().Uri.Host, Is.EqualTo("sellingpartnerapi-fe.amazon.com"));
    }

    [Test]
    public async Task FactoryFor_ConfiguredLoopbackBaseAddress_IsAllowedWhenNoConfiguredSellerUsesIt()
    {
        // Every configured seller has its own endpoint; the options' loopback base address still serves run-time sellers.
        using var host = AuthTestHost.Create(o =>
        {
            o.RefreshToken = null;
            o.Sellers["na"] = new SellerOptions { RefreshToken = "Atzr|na", BaseAddress = "https://sellingpartnerapi-na.amazon.com/" };
            o.BaseAddress = LocalSandbox;
            o.AllowLoopbackBaseAddress = true;
        });

        await host.Factory.For(new SellerContext("late", "Atzr|late", SpApiRegion.NorthAmerica)).Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.SpApi.Sent.Single().Uri.GetLeftPart(UriPartial.Authority), Is.EqualTo("http://127.0.0.1:5080"));
    }

    [Test]
    public async Task SellingPartnerClientFor_SellerWithoutBaseAddress_GoesToTheConfiguredBaseAddress()
    {
        var lwa = new FakeLwa();
        var spApi = new FakeSpApi();
        var options = new SellingPartnerOptions
        {
            ClientId = "id", ClientSecret = "secret", AllowNoSellers = true, BaseAddress = LocalSandbox, AllowLoopbackBaseAddress = true,
        };
        using var sp = SellingPartnerClient.Create(options,
            b => b.ConfigurePrimaryHandler(_ => spApi.Handler).ConfigureLwaPrimaryHandler(_ => lwa.Handler),
            SpApiClientCatalog.Empty.With<IFakeOrdersClient, FakeOrdersClient>(http => new FakeOrdersClient(http)));

        await sp.For(new SellerContext("late", "Atzr|late", SpApiRegion.NorthAmerica)).Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(spApi.Sent.Single().Uri.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5080/orders/v0/orders/1/shipmentConfirmation"));
    }
}
