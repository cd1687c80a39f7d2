using SpApi.Auth.Restricted;
using SpApi.Auth.Tests.Support;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.CallOptions;

/// <summary>Per-call options bound to a client (explicit) against ambient scopes: explicit wins, field by field.</summary>
public class ExplicitCallOptionsTests
{
    private static AuthTestHost TwoSellers() =>
        AuthTestHost.Create(o => o.Sellers["b"] = new SellerOptions { RefreshToken = "Atzr|b" });

    [Test]
    public async Task BoundDataElements_AreAskedForInTheRdt()
    {
        using var host = AuthTestHost.Create();
        var orders = host.Factory.For("default").With(new SpApiCallOptions { DataElements = ["shippingAddress"] }).Get<IFakeOrdersClient>();

        await orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");

        Assert.That(host.Rdt.Calls.Single().Resource.DataElements, Is.EqualTo(new[] { "shippingAddress" }));
    }

    [Test]
    public async Task BoundOptions_BeatAnAmbientScope()
    {
        using var host = AuthTestHost.Create();
        var orders = host.Factory.For("default").With(new SpApiCallOptions { DataElements = ["shippingAddress"] }).Get<IFakeOrdersClient>();

        using (RestrictedData.Request("buyerInfo"))
            await orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");

        Assert.That(host.Rdt.Calls.Single().Resource.DataElements, Is.EqualTo(new[] { "shippingAddress" }));
    }

    [Test]
    public async Task AmbientFields_TheBoundOptionsLeaveUnset_StillApply()
    {
        using var host = AuthTestHost.Create();
        var orders = host.Factory.For("default").With(new SpApiCallOptions { TargetApplication = "amzn1.sellerapps.app.x" }).Get<IFakeOrdersClient>();

        using (RestrictedData.Request("buyerInfo"))
            await orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");

        var call = host.Rdt.Calls.Single();
        Assert.That(call.Resource.DataElements, Is.EqualTo(new[] { "buyerInfo" }));
        Assert.That(call.Target, Is.EqualTo("amzn1.sellerapps.app.x"));
    }

    [Test]
    public async Task AnAmbientSeller_NeverRedirectsAForSellerClient()
    {
        using var host = TwoSellers();
        var sellerB = host.Factory.For("b").Get<IFakeOrdersClient>();

        using (SpApiCall.With(new SpApiCallOptions { Seller = "default" }))
            await sellerB.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.SpApi.Sent.Single().Token, Is.EqualTo("access-Atzr|b-1"));
    }

    [Test]
    public async Task AnAmbientSeller_StillChoosesTheSellerOfAClientWithoutOne()
    {
        using var host = TwoSellers();

        using (SpApiCall.With(new SpApiCallOptions { Seller = "b" }))
            await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.SpApi.Sent.Single().Token, Is.EqualTo("access-Atzr|b-1"));
    }

    [Test]
    public async Task BoundRdt_IsSentAsIs_AndTheClientWithoutOptionsIsUnchanged()
    {
        using var host = AuthTestHost.Create();
        var sellers = host.Factory.For("default");

        await sellers.With(new SpApiCallOptions { RestrictedDataToken = "my-rdt" }).Get<IFakeOrdersClient>()
            .SendAsync(Ops.GetOrder, "/orders/v0/orders/1");
        await sellers.Get<IFakeOrdersClient>().SendAsync(Ops.GetOrder, "/orders/v0/orders/1");

        // Without options, getOrder goes with the LWA token (Amazon serves it without PII; docs/restricted-data.md).
        Assert.That(host.SpApi.Sent.Select(s => s.Token), Is.EqualTo(new[] { "my-rdt", $"access-{AuthTestHost.RefreshToken}-1" }));
        Assert.That(sellers.CallOptions, Is.Null);
    }

    [Test]
    public void BoundOptions_NamingAnotherSeller_AreRefused()
    {
        using var host = TwoSellers();
        var e = Assert.Throws<ArgumentException>(() => host.Factory.For("b").With(new SpApiCallOptions { Seller = "default" }));
        Assert.That(e!.Message, Does.Contain("For(\"default\")"));
        Assert.That(host.Factory.For("b").With(new SpApiCallOptions { Seller = "b" }).CallOptions!.Seller, Is.EqualTo("b"));
    }

    [Test]
    public void ValuesSetOnTheRequestItself_BeatBoundOptions()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.test/");
        request.Options.Set(SpApiRequestOptions.DataElements, ["buyerInfo"]);
        var ambient = new SpApiCallOptions { TargetApplication = "ambient-app" };
        ambient.ApplyTo(request);
        request.Options.Set(SpApiRequestOptions.AmbientCallOptions, ambient);

        new SpApiCallOptions { DataElements = ["shippingAddress"], TargetApplication = "explicit-app" }.ApplyExplicit(request);

        Assert.That(request.Options.TryGetValue(SpApiRequestOptions.DataElements, out var elements) ? elements : null, Is.EqualTo(new[] { "buyerInfo" }));
        Assert.That(request.Options.TryGetValue(SpApiRequestOptions.TargetApplication, out var target) ? target : null, Is.EqualTo("explicit-app"));
    }
}
