using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.StandIn;

/// <summary>
/// STAND-IN for the RateLimit stage of the SpApi.Auth pipeline (until it is merged): one token bucket per
/// seller and operation, with a quota so ample that no call ever waits.
/// </summary>
internal sealed class StandInRateLimitHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<(string Seller, string Operation), RateLimiter> _buckets = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.GetOperation()
            ?? throw new InvalidOperationException("The request carries no SpApiRequestOptions.Operation; send it through a generated client.");
        var bucket = _buckets.GetOrAdd((request.GetSeller() ?? "default", operation.Key), static _ => CreateAmpleBucket());
        using var lease = await bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired) throw new InvalidOperationException($"Rate limit queue full for {operation.Key}.");
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static TokenBucketRateLimiter CreateAmpleBucket() => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 1_000_000_000,
        TokensPerPeriod = 1_000_000_000,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 1000,
        AutoReplenishment = true,
    });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var bucket in _buckets.Values) bucket.Dispose();
        base.Dispose(disposing);
    }
}
