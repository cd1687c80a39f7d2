using SpApi.Auth.Lwa;
using SpApi.Auth.Restricted;
using SpApi.Auth.Tests.Support;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Handlers;

/// <summary>Which token each kind of operation gets: LWA, RDT (cached) or grantless.</summary>
public class TokenSelectionTests
{
    [Test]
    public async Task RestrictedOperation_GetsAnRdtForTheGenericPath_CachedAcrossIds()
    {
        using var host = AuthTestHost.Create(o => o.HasRestrictedRoles = true);

        await host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/111-1");
        await host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/222-2");

        var call = host.Rdt.Calls.Single();
        Assert.That(call.Seller, Is.EqualTo("default"));
        Assert.That(call.Resource, Is.EqualTo(new RestrictedResource("GET", "/orders/v0/orders/{orderId}", call.Resource.DataElements)));
        Assert.That(call.Resource.DataElements, Is.EqualTo(new[] { "buyerInfo", "shippingAddress" }));
        Assert.That(host.SpApi.Sent.Select(s => s.Token), Is.All.EqualTo("rdt-default-1"));
        Assert.That(host.Lwa.Requests, Is.Zero, "the fake RDT source stands in for the Tokens call");
    }

    [Test]
    public async Task OrdinaryOperation_GetsTheLwaTokenAndNoRdt()
    {
        using var host = AuthTestHost.Create();

        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        await host.Orders.SendAsync(Ops.SearchOrders2026, "/orders/2026-01-01/orders?includedData=BUYER,RECIPIENT");

        Assert.That(host.Rdt.Count, Is.Zero);
        Assert.That(host.SpApi.Sent.Select(s => s.Token), Is.All.EqualTo($"access-{AuthTestHost.RefreshToken}-1"));
    }

    [Test]
    public async Task RdtCache_ExpiresWithTheFakeClock()
    {
        using var host = AuthTestHost.Create(o => o.HasRestrictedRoles = true);
        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        host.Time.Advance(TimeSpan.FromMinutes(54));
        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        Assert.That(host.Rdt.Count, Is.EqualTo(1));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        Assert.That(host.Rdt.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task RdtCache_IsPerSellerAndPerDataElements()
    {
        using var host = AuthTestHost.Create(o => { o.HasRestrictedRoles = true; o.Sellers["b"] = new SellerOptions { RefreshToken = "Atzr|b" }; });
        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        await host.Factory.For("b").Get<IFakeOrdersClient>().SendAsync(Ops.GetOrders, "/orders/v0/orders");
        using (RestrictedData.Request("shippingAddress"))
            await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");

        Assert.That(host.Rdt.Calls.Select(c => (c.Seller, string.Join(",", c.Resource.DataElements))), Is.EqualTo(new[]
        {
            ("default", "buyerInfo,shippingAddress"), ("b", "buyerInfo,shippingAddress"), ("default", "shippingAddress"),
        }));
        Assert.That(host.SpApi.Sent.Select(s => s.Token), Is.EqualTo(new[] { "rdt-default-1", "rdt-b-2", "rdt-default-3" }));
    }

    [Test]
    public async Task ReportDocument_NeedsAnExplicitRequest_AndUsesTheSpecificPath()
    {
        using var host = AuthTestHost.Create();
        await host.Orders.SendAsync(Ops.GetReportDocument, "/reports/2021-06-30/documents/DOC-1");
        Assert.That(host.Rdt.Count, Is.Zero, "ordinary report documents need no RDT");

        using (RestrictedData.Request())
        {
            await host.Orders.SendAsync(Ops.GetReportDocument, "/reports/2021-06-30/documents/DOC-1");
            await host.Orders.SendAsync(Ops.GetReportDocument, "/reports/2021-06-30/documents/DOC-2");
        }

        Assert.That(host.Rdt.Calls.Select(c => c.Resource.Path), Is.EqualTo(new[] { "/reports/2021-06-30/documents/DOC-1", "/reports/2021-06-30/documents/DOC-2" }));
        Assert.That(host.Rdt.Calls.Select(c => c.Resource.DataElements.Count), Is.All.Zero);
    }

    [Test]
    public async Task DelegatedRdt_NamesTheTargetApplication_AndIsCachedSeparately()
    {
        using var host = AuthTestHost.Create(o => o.HasRestrictedRoles = true);
        await host.Orders.SendAsync(Ops.GetOrderItems, "/orders/v0/orders/1/orderItems");
        using (RestrictedData.Delegate("amzn1.sellerapps.app.delegatee", "buyerInfo"))
            await host.Orders.SendAsync(Ops.GetOrderItems, "/orders/v0/orders/1/orderItems");

        Assert.That(host.Rdt.Calls.Select(c => c.Target), Is.EqualTo(new[] { null, "amzn1.sellerapps.app.delegatee" }));
    }

    [Test]
    public async Task CallerRdt_IsSentAsIs_WithoutCreatingOne()
    {
        using var host = AuthTestHost.Create();
        using (RestrictedData.Use("Atz.sprdt|caller-token"))
            await host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");

        Assert.That(host.SpApi.Sent.Single().Token, Is.EqualTo("Atz.sprdt|caller-token"));
        Assert.That(host.Rdt.Count, Is.Zero);
        Assert.That(host.Lwa.Requests, Is.Zero);
    }

    [Test]
    public async Task DataElementsInAScope_DoNotTurnOrdinaryOperationsIntoRdtCalls()
    {
        using var host = AuthTestHost.Create();
        using (RestrictedData.Request("buyerInfo"))
            await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.Rdt.Count, Is.Zero);
        Assert.That(host.SpApi.Sent.Single().Token, Does.StartWith("access-"));
    }

    [Test]
    public async Task ByDefault_OperationsAmazonAlsoServesToLwa_UseTheLwaToken_AndPiiOnlyOperationsGetAnRdt()
    {
        using var host = AuthTestHost.Create();
        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        await host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");
        await host.Orders.SendAsync(Ops.GetOrderItems, "/orders/v0/orders/1/orderItems");
        Assert.That(host.Rdt.Count, Is.Zero);
        Assert.That(host.SpApi.Sent.Select(s => s.Token), Is.All.StartWith("access-"));

        await host.Orders.SendAsync(Ops.GetOrderAddress, "/orders/v0/orders/1/address");
        Assert.That(host.Rdt.Calls.Single().Resource, Is.EqualTo(new RestrictedResource("GET", "/orders/v0/orders/{orderId}/address", host.Rdt.Calls.Single().Resource.DataElements)));
        Assert.That(host.SpApi.Sent.Last().Token, Is.EqualTo("rdt-default-1"));
    }

    [Test]
    public async Task ByDefault_ACallAskingForDataElements_GetsAnRdt()
    {
        using var host = AuthTestHost.Create();
        using (RestrictedData.Request("shippingAddress"))
            await host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");
        Assert.That(host.Rdt.Calls.Single().Resource.DataElements, Is.EqualTo(new[] { "shippingAddress" }));
    }

    [Test]
    public async Task AutomaticRdtsOff_UsesLwaUnlessAsked()
    {
        using var host = AuthTestHost.Create(o => { o.AutomaticRestrictedDataTokens = false; o.HasRestrictedRoles = true; });
        await host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");
        await host.Orders.SendAsync(Ops.GetOrderAddress, "/orders/v0/orders/1/address");
        Assert.That(host.Rdt.Count, Is.Zero);

        using (RestrictedData.Request("buyerInfo"))
            await host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");
        Assert.That(host.Rdt.Count, Is.EqualTo(1));
    }

    [TestCase("getDestinations", LwaScopes.Notifications)]
    [TestCase("rotateApplicationClientSecret", LwaScopes.ClientCredentialRotation)]
    public async Task GrantlessOperation_GetsAClientCredentialsTokenForItsScope(string operationId, string scope)
    {
        using var host = AuthTestHost.Create();
        var op = operationId == "getDestinations" ? Ops.GetDestinations : Ops.RotateSecret;

        await host.Orders.SendAsync(op, op.PathTemplate);
        await host.Orders.SendAsync(op, op.PathTemplate);

        var form = host.Lwa.Forms.Single();
        Assert.That(form["grant_type"], Is.EqualTo("client_credentials"));
        Assert.That(form["scope"], Is.EqualTo(scope));
        Assert.That(form.ContainsKey("refresh_token"), Is.False);
        Assert.That(host.SpApi.Sent.Select(s => s.Token), Is.All.EqualTo($"access-{scope}-1"));
    }

    [Test]
    public async Task SellerScopedNotificationsOperation_UsesTheSellersToken()
    {
        using var host = AuthTestHost.Create();
        await host.Orders.SendAsync(Ops.GetSubscription, "/notifications/v1/subscriptions/ANY_OFFER_CHANGED");

        Assert.That(host.Lwa.Forms.Single()["grant_type"], Is.EqualTo("refresh_token"));
    }

    [Test]
    public async Task GrantlessOperation_WorksWithNoSellerAtAll()
    {
        using var host = AuthTestHost.Create(o => { o.RefreshToken = null; o.AllowNoSellers = true; });
        await host.Orders.SendAsync(Ops.GetDestinations, "/notifications/v1/destinations");

        Assert.That(host.SpApi.Sent.Single().Token, Is.EqualTo($"access-{LwaScopes.Notifications}-1"));
        Assert.ThrowsAsync<InvalidOperationException>(() => host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));
    }
}
