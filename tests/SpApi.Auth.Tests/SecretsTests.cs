using System.Net;
using SpApi.Auth.Endpoints;
using SpApi.Auth.Lwa;
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tests.Support;

namespace SpApi.Auth.Tests;

/// <summary>Secrets and tokens never reach logs, exception messages or ToString().</summary>
public class SecretsTests
{
    [Test]
    public async Task FullFlows_LogNoSecretOrToken()
    {
        using var host = AuthTestHost.Create(o => o.Sellers["b"] = new SellerOptions { RefreshToken = "Atzr|b-DO-NOT-LEAK" });
        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        await host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");
        await host.Orders.SendAsync(Ops.GetDestinations, "/notifications/v1/destinations");
        await host.Factory.For("b").Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        var rejected = 0;
        host.SpApi.Responder = _ => rejected++ == 0
            ? FakeSpApi.Errors(HttpStatusCode.Forbidden, "Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired.")
            : null;
        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        host.Lwa.Override = _ => FakeLwa.Error(HttpStatusCode.BadRequest, "invalid_grant", "revoked");
        host.Time.Advance(TimeSpan.FromHours(2));
        Assert.ThrowsAsync<LwaException>(() => host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));

        var logs = host.Logs.AllText();
        Assert.That(logs, Is.Not.Empty, "the handlers did log");
        Assert.That(logs, Does.Not.Contain("DO-NOT-LEAK"));
        // IHttpClientFactory's header loggers are removed: their redaction leaves the raw value in the structured state.
        Assert.That(logs, Does.Not.Contain("x-amz-access-token"), "no header logging at all");
        Assert.That(logs, Does.Not.Contain("System.Net.Http.HttpClient."), "no default HttpClient logger on the SP-API clients");
        Assert.That(logs, Does.Not.Contain("access-Atzr").And.Not.Contain("access-sellingpartnerapi"), "no LWA access token");
        Assert.That(logs, Does.Not.Contain("rdt-default"), "no RDT");
        Assert.That(logs, Does.Not.Contain(AuthTestHost.ClientSecret));
    }

    [Test]
    public void ExceptionMessages_CarryNoSecrets()
    {
        using var host = AuthTestHost.Create();
        host.Lwa.Override = _ => FakeLwa.Error(HttpStatusCode.BadRequest, "invalid_grant", "The refresh token is invalid");

        var e = Assert.ThrowsAsync<LwaException>(() => host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));

        Assert.That(e!.ToString(), Does.Not.Contain("DO-NOT-LEAK"));
        Assert.That(e.Message, Does.Contain("invalid_grant").And.Contain("The refresh token is invalid"));
    }

    [Test]
    public void ToString_HidesSecrets()
    {
        var seller = new SellerContext("s", "Atzr|DO-NOT-LEAK", SpApiRegion.Europe) { Credentials = new LwaCredentials("id", "secret-DO-NOT-LEAK") };
        var texts = new object[]
        {
            seller, seller.Credentials!, new RestrictedDataToken("Atz.sprdt|DO-NOT-LEAK", TimeSpan.FromHours(1)),
            new SpApi.Auth.OAuth.SellerAuthorization("A1", "Atzr|DO-NOT-LEAK"), new SpApi.Runtime.SpApiCallOptions { RestrictedDataToken = "Atz.sprdt|DO-NOT-LEAK" },
        }.Select(o => o.ToString());

        Assert.That(texts, Is.All.Not.Contain("DO-NOT-LEAK"));
    }
}
