using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SpApi.Auth.RateLimiting;
using SpApi.Runtime;

namespace SpApi.Auth.Redis;

/// <summary>
/// The fleet's usage-plan buckets, one per (application, seller, endpoint, operation) in Redis, plus this
/// worker's share of them: the count of its callers waiting per bucket (the local queue limit), the rate last
/// seen per bucket (so an unchanged <c>x-amzn-RateLimit-Limit</c> costs no round trip), and the local buckets
/// used while Redis is down (<see cref="SpApiRedisOptions.FallbackPlanShare"/> of each plan). A singleton.
/// </summary>
public sealed class FleetRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<BucketKey, Local> _local = new();
    private readonly string _application;

    // The bucket's Redis key is formatted once, not on every call.
    private sealed class Local(StackExchange.Redis.RedisKey key)
    {
        public readonly StackExchange.Redis.RedisKey Key = key;
        public int Waiting;
        public double Rate;
    }

    /// <summary>Buckets are per application: <paramref name="applicationClientId"/> (the LWA client id) is part of every key, hashed.</summary>
    public FleetRateLimiter(FleetRedis redis, RateLimitHandlerOptions options, string applicationClientId, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationClientId);
        options.Validate();
        Redis = redis;
        Options = options;
        Time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _application = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(applicationClientId)))[..16];
        Fallback = new SpApiRateLimiter(options.WithPlanShare(redis.Options.EffectiveFallbackShare), timeProvider);
    }

    /// <summary>The shared Redis connection and its health.</summary>
    public FleetRedis Redis { get; }

    /// <summary>The usage plans, queue limit and maximum wait, the same options the local rate-limit stage uses.</summary>
    public RateLimitHandlerOptions Options { get; }

    /// <summary>Clock of this worker's waits (bucket times come from the Redis server).</summary>
    public TimeProvider Time { get; }

    /// <summary>The local buckets used while Redis is down.</summary>
    public SpApiRateLimiter Fallback { get; }

    private Local LocalOf(BucketKey key) =>
        _local.GetOrAdd(key, static (k, self) => new Local(self.Redis.Keys.Bucket(self._application, k.Seller, k.Endpoint, k.Operation)), this);

    /// <summary>Counts a caller into the local queue of <paramref name="key"/>; false when <see cref="RateLimitHandlerOptions.QueueLimit"/> callers already wait.</summary>
    internal bool TryEnterQueue(BucketKey key)
    {
        var local = LocalOf(key);
        if (Interlocked.Increment(ref local.Waiting) <= Options.QueueLimit) return true;
        Interlocked.Decrement(ref local.Waiting);
        return false;
    }

    internal void ExitQueue(BucketKey key)
    {
        if (_local.TryGetValue(key, out var local)) Interlocked.Decrement(ref local.Waiting);
    }

    /// <summary>Remembers the bucket's rate; true when it differs from what this worker last saw.</summary>
    internal bool RateChanged(BucketKey key, double rate)
    {
        var local = LocalOf(key);
        var previous = Interlocked.Exchange(ref local.Rate, rate);
        return Math.Abs(previous - rate) > rate * 1e-9;
    }

    internal double KnownRate(BucketKey key, UsagePlan plan) => _local.TryGetValue(key, out var local) && local.Rate > 0 ? local.Rate : plan.Rate;

    /// <summary>Runs one bucket operation on Redis; null when Redis is down or failed (the caller falls back).</summary>
    internal async ValueTask<FleetBucketScript.Answer?> RunAsync(BucketKey key, UsagePlan plan, string op, double argument)
    {
        var bucket = LocalOf(key).Key;
        var (ok, answer) = await Redis.TryAsync(db =>
            FleetBucketScript.RunAsync(db, bucket, op, plan.Rate, plan.Burst, Options.IdleBucketExpiry, argument)).ConfigureAwait(false);
        if (!ok) return null;
        if (answer.Overlapped) Redis.ReportScriptsNotAtomic(bucket);
        return answer;
    }

    /// <summary>Disposes the local fallback buckets.</summary>
    public void Dispose() => Fallback.Dispose();
}
