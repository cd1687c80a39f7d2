using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Tests.Support;
using SpApi.Clients;

namespace SpApi.Auth.Tests.DependencyInjection;

public class GeneratedClientsTests
{
    [Test]
    public void AddSellingPartnerApi_RegistersEveryGeneratedClient()
    {
        var services = new ServiceCollection();
        services.AddSellingPartnerApi(o => { o.ClientId = "id"; o.ClientSecret = "secret"; o.RefreshToken = "r"; o.Region = "EU"; });
        using var provider = services.BuildServiceProvider();

        Assert.That(GeneratedClients.All, Has.Count.GreaterThan(60));
        foreach (var (iface, impl) in GeneratedClients.All)
            Assert.That(provider.GetRequiredService(iface), Is.InstanceOf(impl), iface.FullName);
    }

    [Test]
    public async Task GeneratedGrantlessOperation_UsesTheClientCredentialsGrant()
    {
        using var host = AuthTestHost.Create(generatedClients: true);
        host.SpApi.Responder = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{\"payload\":[]}") };

        await host.Services.GetRequiredService<SpApi.Notifications.V1.INotificationsClient>().GetDestinationsAsync();

        Assert.That(host.Lwa.Forms.Single()["scope"], Is.EqualTo("sellingpartnerapi::notifications"));
        Assert.That(host.SpApi.Sent.Single().OperationKey, Is.EqualTo("notifications.json#getDestinations"));
    }

    [Test]
    public async Task ConsoleClient_InThreeLines_CallsAGeneratedClient()
    {
        var lwa = new FakeLwa();
        var spApi = new FakeSpApi { Responder = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{\"payload\":{}}") } };
        var options = new SellingPartnerOptions { ClientId = "id", ClientSecret = "secret", RefreshToken = "Atzr|console", AutomaticRestrictedDataTokens = false };

        using var sp = SellingPartnerClient.Create(options, b => b.ConfigurePrimaryHandler(_ => spApi.Handler).ConfigureLwaPrimaryHandler(_ => lwa.Handler));
        var orders = sp.Get<SpApi.Orders.V0.IOrdersClient>();
        await orders.GetOrderAsync("111-1");

        Assert.That(spApi.Sent.Single().Token, Is.EqualTo("access-Atzr|console-1"));
        Assert.That(spApi.Sent.Single().Uri.AbsoluteUri, Is.EqualTo("https://sellingpartnerapi-na.amazon.com/orders/v0/orders/111-1"));
    }
}
