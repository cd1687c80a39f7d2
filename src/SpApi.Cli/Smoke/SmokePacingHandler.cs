using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using SpApi.Runtime;

namespace SpApi.Cli.Smoke;

/// <summary>Keeps live smoke runs inside each operation's documented usage plan (token bucket per operation).</summary>
internal sealed class SmokePacingHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.GetOperation() is { UsagePlan: { } plan } operation)
        {
            var limiter = _limiters.GetOrAdd(operation.Key, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, plan.Burst),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / Math.Max(plan.Rate, 0.001)),
                QueueLimit = int.MaxValue,
                AutoReplenishment = true,
            }));
            using var lease = await limiter.AcquireAsync(1, cancellationToken);
        }
        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            foreach (var limiter in _limiters.Values) limiter.Dispose();
        base.Dispose(disposing);
    }
}
