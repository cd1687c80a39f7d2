using System.Net;
using System.Text.RegularExpressions;
using SpApi.Auth.Endpoints;
using SpApi.Auth.Handlers;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tests.Support;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Handlers;

public class AuthHandlerHeaderTests
{
    [Test]
    public async Task StampsAccessToken_Date_AndUserAgent()
    {
        using var host = AuthTestHost.Create(o => { o.AppName = "MyApp"; o.AppVersion = "2.5.1"; });
        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        var sent = host.SpApi.Sent.Single();
        Assert.That(sent.Token, Is.EqualTo($"access-{AuthTestHost.RefreshToken}-1"));
        Assert.That(sent.Date, Is.EqualTo("20260304T050607Z"), "UTC yyyyMMddTHHmmssZ from the TimeProvider");
        Assert.That(sent.UserAgent, Does.Match(@"^MyApp/2\.5\.1 \(Language=C#/\d+\.\d+\.\d+; Platform=[^();]+\)$"));
        Assert.That(sent.Uri.Host, Is.EqualTo("sellingpartnerapi-na.amazon.com"));
    }

    [Test]
    public void DateFormat_ConvertsToUtc()
    {
        Assert.That(AuthHandler.FormatDate(new DateTimeOffset(2026, 12, 31, 23, 59, 58, TimeSpan.FromHours(2))), Is.EqualTo("20261231T215958Z"));
    }

    [Test]
    public void UserAgent_RejectsNamesThatWouldBreakTheHeader()
    {
        Assert.Throws<ArgumentException>(() => UserAgent.Build("My App", "1.0"));
        Assert.Throws<ArgumentException>(() => UserAgent.Build("MyApp", "1.0 (beta)"));
        foreach (var bad in new[] { "a\tb", "a\u007fb", "caf\u00e9", "a\"b", "a\\b", "a,b", "a;b", "a/b", "a(b", "a)b" })
            Assert.Throws<ArgumentException>(() => UserAgent.Build(bad, "1.0"), bad);
        Assert.That(Regex.IsMatch(UserAgent.Build("A", "1"), @"^A/1 \(Language=C#/"), Is.True);
    }

    [Test]
    public async Task ReplacesATokenHeaderSetByTheCaller()
    {
        using var host = AuthTestHost.Create();
        var client = host.Factory.For("default").CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders/v0/orders/1/shipmentConfirmation");
        request.Headers.TryAddWithoutValidation("x-amz-access-token", "stale");
        request.Options.Set(SpApiRequestOptions.Operation, Ops.ConfirmShipment);
        (await client.SendAsync(request)).Dispose();

        Assert.That(host.SpApi.Sent.Single().Token, Is.EqualTo($"access-{AuthTestHost.RefreshToken}-1"));
    }

    [Test]
    public void RefusesPlainHttpHosts()
    {
        using var host = AuthTestHost.Create();
        var seller = new SellerContext("evil", "Atzr|x", SpApiRegion.NorthAmerica) { BaseAddress = new Uri("http://sellingpartnerapi-na.amazon.com/") };

        var e = Assert.ThrowsAsync<InsecureDestinationException>(() => host.Factory.For(seller).Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));

        Assert.That(e!.Destination, Is.EqualTo("http://sellingpartnerapi-na.amazon.com"));
        Assert.That(host.SpApi.Sent, Is.Empty);
        Assert.That(host.Lwa.Requests, Is.Zero, "no token is even fetched for a refused destination");
    }

    [Test]
    public void RefusesHttpsHostsThatAreNotSpApi()
    {
        using var host = AuthTestHost.Create();
        var seller = new SellerContext("proxy", "Atzr|x", SpApiRegion.NorthAmerica) { BaseAddress = new Uri("https://sellingpartnerapi-na.amazon.com.evil.example/") };

        Assert.ThrowsAsync<InsecureDestinationException>(() => host.Factory.For(seller).Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));
        Assert.That(host.SpApi.Sent, Is.Empty);
    }

    [Test]
    public void RefusesLoopbackUnlessAllowed()
    {
        using var host = AuthTestHost.Create();
        var seller = new SellerContext("local", "Atzr|x", SpApiRegion.NorthAmerica) { BaseAddress = new Uri("http://127.0.0.1:5080/") };

        Assert.ThrowsAsync<InsecureDestinationException>(() => host.Factory.For(seller).Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));
    }

    [Test]
    public async Task AllowsTheExplicitlyAllowedLoopbackBaseAddress()
    {
        using var host = AuthTestHost.Create(o => { o.BaseAddress = "http://127.0.0.1:5080/"; o.AllowLoopbackBaseAddress = true; });

        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.SpApi.Sent.Single().Uri.GetLeftPart(UriPartial.Authority), Is.EqualTo("http://127.0.0.1:5080"));
        // Another loopback port was not allowed.
        var other = new SellerContext("other", "Atzr|y", SpApiRegion.NorthAmerica) { BaseAddress = new Uri("http://127.0.0.1:6000/") };
        Assert.ThrowsAsync<InsecureDestinationException>(() => host.Factory.For(other).Get<IFakeOrdersClient>().SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));
    }

    [Test]
    public async Task PerCallSeller_IsSentToItsOwnRegion()
    {
        using var host = AuthTestHost.Create(o => o.Sellers["eu-seller"] = new SellerOptions { RefreshToken = "Atzr|eu", MarketplaceId = Marketplaces.Germany.Id });

        using (SpApiCall.With(new SpApiCallOptions { Seller = "eu-seller" }))
            await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        var sent = host.SpApi.Sent.Single();
        Assert.That(sent.Uri.Host, Is.EqualTo("sellingpartnerapi-eu.amazon.com"));
        Assert.That(sent.Token, Is.EqualTo("access-Atzr|eu-1"));
        Assert.That(sent.Uri.AbsolutePath, Is.EqualTo("/orders/v0/orders/1/shipmentConfirmation"));
    }

    [Test]
    public void UnknownSeller_IsAClearError()
    {
        using var host = AuthTestHost.Create();
        var e = Assert.ThrowsAsync<UnknownSellerException>(async () =>
        {
            using (SpApiCall.With(new SpApiCallOptions { Seller = "nobody" }))
                await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        });
        Assert.That(e!.Message, Does.Contain("'nobody'"));
    }

    [TestCase(HttpStatusCode.Forbidden, "Access to requested resource is denied.", "The access token you provided has expired.")]
    [TestCase(HttpStatusCode.Forbidden, "The security token included in the request is expired", "")]
    [TestCase(HttpStatusCode.Unauthorized, "Access to requested resource is denied.", "The access token you provided is revoked, malformed or invalid.")]
    public async Task RejectedToken_IsDroppedAndTheCallReplayedOnce(HttpStatusCode status, string message, string details)
    {
        using var host = AuthTestHost.Create();
        var rejections = 0;
        host.SpApi.Responder = sent => sent.Token!.EndsWith("-1") && rejections++ == 0 ? FakeSpApi.Errors(status, "Unauthorized", message, details) : null;

        var body = await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(body, Does.Contain("payload"));
        Assert.That(host.SpApi.Sent.Select(s => s.Token), Is.EqualTo(new[] { $"access-{AuthTestHost.RefreshToken}-1", $"access-{AuthTestHost.RefreshToken}-2" }));
        Assert.That(host.Lwa.Requests, Is.EqualTo(2));
    }

    [Test]
    public void RejectedTokenTwice_IsReplayedOnlyOnce()
    {
        using var host = AuthTestHost.Create();
        host.SpApi.Responder = _ => FakeSpApi.Errors(HttpStatusCode.Forbidden, "Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired.");

        var e = Assert.ThrowsAsync<SpApiException>(() => host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));

        Assert.That(e!.StatusCode, Is.EqualTo(403));
        Assert.That(host.SpApi.Sent, Has.Count.EqualTo(2));
    }

    [Test]
    public void ForbiddenForMissingRole_IsNotReplayed()
    {
        using var host = AuthTestHost.Create();
        host.SpApi.Responder = _ => FakeSpApi.Errors(HttpStatusCode.Forbidden, "Unauthorized", "Access to requested resource is denied.");

        var e = Assert.ThrowsAsync<SpApiException>(() => host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation"));

        Assert.That(e!.ErrorCode, Is.EqualTo("Unauthorized"));
        Assert.That(host.SpApi.Sent, Has.Count.EqualTo(1));
        Assert.That(host.Lwa.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task RejectedToken_OnlyDropsThatSellersToken()
    {
        using var host = AuthTestHost.Create(o => o.Sellers["b"] = new SellerOptions { RefreshToken = "Atzr|b" });
        var b = host.Factory.For("b").Get<IFakeOrdersClient>();
        await b.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        var rejections = 0;
        host.SpApi.Responder = sent => sent.Seller is null or "default" && rejections++ == 0
            ? FakeSpApi.Errors(HttpStatusCode.Forbidden, "Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired.")
            : null;

        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");
        await b.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.Lwa.RequestsFor("Atzr|b"), Is.EqualTo(1), "seller b keeps its cached token");
        Assert.That(host.Lwa.RequestsFor(AuthTestHost.RefreshToken), Is.EqualTo(2));
    }
}
