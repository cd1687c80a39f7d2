using System.Collections.Concurrent;
using System.Globalization;
using SpApi.Runtime;

namespace SpApi.Sandbox.Throttling;

/// <summary>
/// SP-API's usage plans: a token bucket per (seller, operation) holding <c>burst</c> requests and
/// refilling at <c>rate</c> per second, both multiplied by the scale. Time comes from the TimeProvider,
/// so tests drive refill with a fake clock.
/// </summary>
internal sealed class UsagePlanLimiter(TimeProvider time, double scale)
{
    private readonly ConcurrentDictionary<(string Seller, string Operation), Bucket> _buckets = new();

    /// <summary>The rate the sandbox applies (what <c>x-amzn-RateLimit-Limit</c> reports).</summary>
    public double EffectiveRate(UsagePlan plan) => plan.Rate * scale;

    public int EffectiveBurst(UsagePlan plan) => Math.Max(1, (int)Math.Ceiling(plan.Burst * scale));

    public string RateHeader(UsagePlan plan) => EffectiveRate(plan).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Takes one request from the bucket; false means 429.</summary>
    public bool TryAcquire(string seller, OperationMetadata operation, UsagePlan plan)
    {
        var bucket = _buckets.GetOrAdd((seller, operation.Key), _ => new Bucket(EffectiveBurst(plan), time.GetTimestamp()));
        return bucket.TryTake(EffectiveRate(plan), EffectiveBurst(plan), time);
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        private readonly object _gate = new();
        private double _tokens = tokens;
        private long _stamp = stamp;

        public bool TryTake(double rate, int burst, TimeProvider time)
        {
            lock (_gate)
            {
                var now = time.GetTimestamp();
                _tokens = Math.Min(burst, _tokens + time.GetElapsedTime(_stamp, now).TotalSeconds * rate);
                _stamp = now;
                if (_tokens < 1) return false;
                _tokens -= 1;
                return true;
            }
        }
    }
}
