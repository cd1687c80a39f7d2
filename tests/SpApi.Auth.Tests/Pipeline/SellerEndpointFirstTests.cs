using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Endpoints;
using SpApi.Auth.Pipeline;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tests.Support;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Pipeline;

/// <summary>
/// The seller and endpoint are resolved before telemetry, retry and rate limiting, so one bucket stands for one
/// real quota however the call was addressed, and every stage sees the host the call really goes to.
/// </summary>
public class SellerEndpointFirstTests
{
    private const string NorthAmerica = "https://sellingpartnerapi-na.amazon.com";
    private const string Europe = "https://sellingpartnerapi-eu.amazon.com";

    /// <summary>Records the seller and host each call carries when it reaches the telemetry stage.</summary>
    private sealed class SeenAtTelemetry(ConcurrentQueue<(string? Seller, string Host)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue((request.GetSeller(), request.RequestUri!.Host));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static AuthTestHost HostWithRateLimiter(ConcurrentQueue<(string? Seller, string Host)>? seen = null) =>
        AuthTestHost.Create(build: b =>
        {
            b.UseStage(PipelineStage.RateLimit, sp => new RateLimitHandler(sp.GetRequiredService<SpApiRateLimiter>()));
            if (seen is not null) b.UseStage(PipelineStage.Telemetry, _ => new SeenAtTelemetry(seen));
        });

    [Test]
    public async Task DefaultSeller_AddressedImplicitlyOrByName_SharesOneBucket()
    {
        using var host = HostWithRateLimiter();
        var limiter = host.Services.GetRequiredService<SpApiRateLimiter>();

        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        await host.Factory.For("default").Get<IFakeOrdersClient>().SendAsync(Ops.GetOrders, "/orders/v0/orders");

        Assert.That(limiter.BucketCount, Is.EqualTo(1), "one quota, one bucket");
        Assert.That(limiter.CurrentRate("default", new Uri(NorthAmerica), Ops.GetOrders), Is.Not.Null);
        Assert.That(limiter.CurrentRate(null, new Uri(NorthAmerica), Ops.GetOrders), Is.Null, "no anonymous bucket beside the named one");
    }

    [Test]
    public async Task CallMovedToAnotherRegion_IsPacedAndTaggedUnderItsFinalHost()
    {
        var seen = new ConcurrentQueue<(string? Seller, string Host)>();
        using var host = HostWithRateLimiter(seen);
        var limiter = host.Services.GetRequiredService<SpApiRateLimiter>();
        var eu = host.Factory.For(new SellerContext("eu", "Atzr|eu", SpApiRegion.Europe));

        await eu.Get<IFakeOrdersClient>().SendAsync(Ops.GetOrders, "/orders/v0/orders");

        Assert.That(host.SpApi.Sent.Single().Uri.Host, Is.EqualTo("sellingpartnerapi-eu.amazon.com"));
        Assert.That(seen.Single(), Is.EqualTo(((string?)"eu", "sellingpartnerapi-eu.amazon.com")), "telemetry sees the final seller and host");
        Assert.That(limiter.CurrentRate("eu", new Uri(Europe), Ops.GetOrders), Is.Not.Null);
        Assert.That(limiter.CurrentRate("eu", new Uri(NorthAmerica), Ops.GetOrders), Is.Null, "not paced under the host it started with");
    }
}
