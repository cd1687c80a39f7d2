using System.Collections.Concurrent;
using SpApi.Runtime;

namespace SpApi.Auth.RateLimiting;

/// <summary>
/// The usage-plan buckets of one application, one per (seller, endpoint, operation). Register it as a
/// singleton: IHttpClientFactory recreates <see cref="RateLimitHandler"/> every few minutes, and the buckets
/// must outlive those handlers or every rotation would hand out a fresh burst.
/// </summary>
public sealed class SpApiRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<BucketKey, UsagePlanBucket> _buckets = new();
    private readonly TimeProvider _time;
    private long _nextSweep;
    private bool _disposed;

    /// <summary>Validates <paramref name="options"/> and creates the limiter; time comes from <paramref name="timeProvider"/> (system clock when null).</summary>
    public SpApiRateLimiter(RateLimitHandlerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _time = timeProvider ?? TimeProvider.System;
        _nextSweep = _time.GetTimestamp() + SweepEvery;
    }

    /// <summary>The validated options of this limiter.</summary>
    public RateLimitHandlerOptions Options { get; }

    internal TimeProvider Time => _time;

    /// <summary>Number of live buckets.</summary>
    public int BucketCount => _buckets.Count;

    /// <summary>The current rate of a bucket (requests per second), or null if it does not exist (yet).</summary>
    public double? CurrentRate(string? seller, Uri endpoint, OperationMetadata operation)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(operation);
        var key = new BucketKey(seller ?? "", endpoint.GetLeftPart(UriPartial.Authority), operation.Key);
        return _buckets.TryGetValue(key, out var bucket) ? bucket.Rate : null;
    }

    /// <summary>Gets (creating full if needed) the bucket and marks it in use; pair with <see cref="UsagePlanBucket.Exit"/>.</summary>
    internal UsagePlanBucket Enter(BucketKey key, OperationMetadata operation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SweepIfDue();
        while (true)
        {
            // TryGetValue + GetOrAdd(key, value), not GetOrAdd with a factory argument: that generic overload is compiled at start-up.
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                var plan = Options.PlanFor(operation);
                var fresh = new UsagePlanBucket(plan.Rate, plan.Burst, Options.QueueLimit, Options.RefillSafetyMargin, _time);
                bucket = _buckets.GetOrAdd(key, fresh);
                if (!ReferenceEquals(bucket, fresh)) fresh.Dispose(); // another call added it first
            }
            if (bucket.TryEnter()) return bucket;
            // Evicted between lookup and entry: whoever removes it disposes it; take a fresh one.
            if (_buckets.TryRemove(new KeyValuePair<BucketKey, UsagePlanBucket>(key, bucket))) bucket.Dispose();
        }
    }

    internal UsagePlanBucket? Find(BucketKey key) => _buckets.TryGetValue(key, out var bucket) ? bucket : null;

    private long SweepEvery => (long)(Options.IdleBucketExpiry.TotalSeconds * _time.TimestampFrequency / 2);

    private void SweepIfDue()
    {
        var now = _time.GetTimestamp();
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + SweepEvery, due) != due) return;
        foreach (var (key, bucket) in _buckets)
        {
            if (!bucket.TryEvict(Options.IdleBucketExpiry)) continue;
            if (_buckets.TryRemove(new KeyValuePair<BucketKey, UsagePlanBucket>(key, bucket))) bucket.Dispose();
        }
    }

    /// <summary>Releases every bucket; waiting calls are cancelled.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var bucket in _buckets.Values) bucket.Dispose();
        _buckets.Clear();
    }
}
