using SpApi.Auth.Tokens;
using System.Net;
using SpApi.Auth.Lwa;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tests.Support;
using SpApi.Auth.Endpoints;

namespace SpApi.Auth.Tests.Tokens;

/// <summary>Token caching and single-flight refresh through the whole pipeline.</summary>
public class SellerTokenTests
{
    private static SellerClients Seller(AuthTestHost host, int i) =>
        host.Factory.For(new SellerContext($"seller-{i}", $"Atzr|seller-{i}", SpApiRegion.NorthAmerica));

    [Test]
    public async Task OneThousandConcurrentCallsForOneSeller_MakeExactlyOneLwaRequest()
    {
        using var host = AuthTestHost.Create();
        host.Lwa.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var orders = host.Orders;

        var calls = Enumerable.Range(0, 1000).Select(i => Task.Run(() => orders.SendAsync(Ops.ConfirmShipment, $"/orders/v0/orders/{i}/shipmentConfirmation"))).ToArray();
        while (host.Lwa.Requests == 0) await Task.Yield();
        host.Lwa.Gate.SetResult();
        await Task.WhenAll(calls);

        Assert.That(host.Lwa.Requests, Is.EqualTo(1));
        Assert.That(host.SpApi.Sent.Select(s => s.Token).Distinct(), Is.EqualTo(new[] { $"access-{AuthTestHost.RefreshToken}-1" }));
        Assert.That(host.SpApi.Sent, Has.Count.EqualTo(1000));
    }

    [Test]
    public async Task TenSellersConcurrently_MakeTenLwaRequests_AndNeverMixTokens()
    {
        using var host = AuthTestHost.Create();
        var sellers = Enumerable.Range(0, 10).Select(i => Seller(host, i)).ToArray();

        var calls = Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            var seller = sellers[i % 10];
            await seller.Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, $"/orders/v0/orders/{i}/shipmentConfirmation");
        })).ToArray();
        await Task.WhenAll(calls);

        Assert.That(host.Lwa.Requests, Is.EqualTo(10));
        for (var i = 0; i < 10; i++) Assert.That(host.Lwa.RequestsFor($"Atzr|seller-{i}"), Is.EqualTo(1));
        foreach (var sent in host.SpApi.Sent)
            Assert.That(sent.Token, Is.EqualTo($"access-Atzr|{sent.Seller}-1"), "each request carries its own seller's token");
        Assert.That(host.SpApi.Sent.GroupBy(s => s.Seller).Select(g => g.Count()), Is.All.EqualTo(100));
    }

    [Test]
    public async Task CachedToken_IsReusedUntilExpiresInMinusMargin_ThenRefreshed()
    {
        using var host = AuthTestHost.Create(o => o.TokenExpiryMargin = TimeSpan.FromMinutes(10));
        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        host.Time.Advance(TimeSpan.FromMinutes(49));
        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        Assert.That(host.Lwa.Requests, Is.EqualTo(1), "still inside 60 - 10 minutes");

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        Assert.That(host.Lwa.Requests, Is.EqualTo(2));
        Assert.That(host.SpApi.Sent.Last().Token, Is.EqualTo($"access-{AuthTestHost.RefreshToken}-2"));
    }

    [Test]
    public async Task FailedRefresh_DoesNotPoisonTheCache()
    {
        using var host = AuthTestHost.Create();
        host.Lwa.Override = _ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"error\":\"invalid_request\"}") };

        Assert.ThrowsAsync<LwaException>(() => host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));
        host.Lwa.Override = null;
        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.Lwa.Requests, Is.EqualTo(2));
        Assert.That(host.SpApi.Sent.Single().Token, Is.EqualTo($"access-{AuthTestHost.RefreshToken}-1"));
    }

    [Test]
    public async Task ConcurrentCallersOfAFailedRefresh_AllSeeTheError_AndTheNextCallRetries()
    {
        using var host = AuthTestHost.Create();
        host.Lwa.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Lwa.Override = _ => FakeLwa.Error(HttpStatusCode.BadRequest, "invalid_grant", "revoked");

        // Started on this thread: each call joins the refresh synchronously, before the gate opens.
        var calls = Enumerable.Range(0, 50).Select(_ => host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation")).ToArray();
        while (host.Lwa.Requests == 0) await Task.Yield();
        host.Lwa.Gate.SetResult();
        var outcomes = await Task.WhenAll(calls.Select(async c => { try { await c; return "ok"; } catch (LwaException e) { return e.Error; } }));

        Assert.That(outcomes, Is.All.EqualTo("invalid_grant"));
        Assert.That(host.Lwa.Requests, Is.EqualTo(1));
        host.Lwa.Gate = null;
        host.Lwa.Override = null;
        // invalid_grant fails the seller fast for a short period (RevokedSellers); after it, LWA is asked again.
        Assert.ThrowsAsync<LwaException>(() => host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));
        Assert.That(host.Lwa.Requests, Is.EqualTo(1));
        host.Time.Advance(RevokedSellers.DefaultPeriod);
        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        Assert.That(host.Lwa.Requests, Is.EqualTo(2));
    }

    [Test]
    public void CancelledCaller_StopsWaiting_WithoutFailingOthers()
    {
        using var host = AuthTestHost.Create();
        host.Lwa.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cts = new CancellationTokenSource();
        var cancelled = host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation", cts.Token);
        var other = host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/2/shipmentConfirmation");

        cts.Cancel();
        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
        host.Lwa.Gate.SetResult();
        Assert.That(async () => await other, Throws.Nothing);
        Assert.That(host.Lwa.Requests, Is.EqualTo(1));
    }
}
