using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Endpoints;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tests.Support;

namespace SpApi.Auth.Tests.DependencyInjection;

public class ClientRegistrationTests
{
    [Test]
    public async Task GeneratedClients_AreTypedClientsOverThePipeline_BoundToTheDefaultSeller()
    {
        using var host = AuthTestHost.Create(o => o.MarketplaceId = Marketplaces.Japan.Id);
        var client = (FakeOrdersClient)host.Services.GetRequiredService<IFakeOrdersClient>();

        Assert.That(client.Http.BaseAddress, Is.EqualTo(new Uri("https://sellingpartnerapi-fe.amazon.com/")));
        await client.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        Assert.That(host.SpApi.Sent.Single().Token, Is.EqualTo($"access-{AuthTestHost.RefreshToken}-1"));
    }

    [Test]
    public async Task Factory_For_BindsClientsToASeller()
    {
        using var host = AuthTestHost.Create(o => o.Sellers["acme"] = new SellerOptions { RefreshToken = "Atzr|acme", Region = "EU" });

        var acme = host.Factory.For("acme");
        await acme.Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        var sent = host.SpApi.Sent.Single();
        Assert.That(sent.Seller, Is.EqualTo("acme"));
        Assert.That(sent.Uri.Host, Is.EqualTo("sellingpartnerapi-eu.amazon.com"));
        Assert.That(sent.Token, Is.EqualTo("access-Atzr|acme-1"));
    }

    [Test]
    public void Factory_UnknownSellerOrClient_AreClearErrors()
    {
        using var host = AuthTestHost.Create();
        Assert.Throws<UnknownSellerException>(() => host.Factory.For("nobody"));
        Assert.That(() => host.Factory.For("default").Get<IDisposable>(), Throws.ArgumentException.With.Message.Contains("is not a generated SP-API client"));
    }

    [Test]
    public async Task Factory_RuntimeSeller_IsRegistered()
    {
        using var host = AuthTestHost.Create();
        var context = new SellerContext("new-seller", "Atzr|new", SpApiRegion.FarEast);

        await host.Factory.For(context).Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.Services.GetRequiredService<ISellerRegistry>().Get("new-seller"), Is.EqualTo(context));
        Assert.That(host.SpApi.Sent.Single().Uri.Host, Is.EqualTo("sellingpartnerapi-fe.amazon.com"));
    }

    [Test]
    public void ConsoleClient_ValidatesOptionsUpFront()
    {
        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            SellingPartnerClient.Create(new SellingPartnerOptions { ClientId = "id", RefreshToken = "r" }));
        Assert.That(e!.Message, Does.Contain("ClientSecret is required"));
    }

    [Test]
    public async Task ConsoleClient_WorksWithoutAContainer()
    {
        var lwa = new FakeLwa();
        var spApi = new FakeSpApi();
        using var sp = SellingPartnerClient.Create(
            new SellingPartnerOptions { ClientId = "id", ClientSecret = "secret", RefreshToken = "Atzr|console" },
            b => b.ConfigurePrimaryHandler(_ => spApi.Handler).ConfigureLwaPrimaryHandler(_ => lwa.Handler),
            SpApiClientCatalog.Empty.With<IFakeOrdersClient, FakeOrdersClient>(http => new FakeOrdersClient(http)));

        var orders = sp.Get<IFakeOrdersClient>();
        await orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(spApi.Sent.Single().Token, Is.EqualTo("access-Atzr|console-1"));
    }
}
