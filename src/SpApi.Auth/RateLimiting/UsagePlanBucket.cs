using System.Threading.RateLimiting;

namespace SpApi.Auth.RateLimiting;

/// <summary>
/// One usage-plan token bucket (burst = capacity, rate = tokens per second) driven by a <see cref="TimeProvider"/>.
/// <para>
/// The permits live in a <see cref="ConcurrencyLimiter"/>, which gives the fair FIFO queue, the queue limit and
/// cancellation of queued callers. A taken permit is "spent": it is kept here, and the refill clock gives one
/// back every 1/rate seconds while the bucket is below capacity, exactly like a continuous token bucket.
/// (TokenBucketRateLimiter cannot be used: even with manual replenishment it measures elapsed time with
/// Stopwatch, so a fake clock could not drive it.)
/// </para>
/// <para>
/// Permits are in one of four places: available in the limiter, in transit (granted, caller not yet back in
/// <see cref="Spend"/>), spent (held here), or owed (in transit, but the clock already refilled it: it is given
/// back as soon as it arrives). Tokens in the bucket = available + owed.
/// </para>
/// </summary>
internal sealed class UsagePlanBucket : IDisposable
{
    private readonly object _gate = new();
    private readonly ConcurrencyLimiter _permits;
    private readonly Queue<RateLimitLease> _spent = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly long _marginTicks;
    private double _rate;
    private bool _running;   // refill clock on: the bucket is below capacity
    private long _anchor;    // timestamp from which refills are counted
    private long _refills;   // refills since _anchor
    private int _owed;
    private int _users;
    private long _lastUsed;
    private bool _evicted;
    private bool _disposed;

    public UsagePlanBucket(double rate, int burst, int queueLimit, TimeSpan refillMargin, TimeProvider time)
    {
        _time = time;
        _rate = rate;
        Burst = burst;
        _marginTicks = (long)(refillMargin.TotalSeconds * time.TimestampFrequency);
        _permits = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = burst,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _lastUsed = time.GetTimestamp();
        _timer = time.CreateTimer(static s => ((UsagePlanBucket)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Burst { get; }

    public double Rate
    {
        get { lock (_gate) return _rate; }
    }

    /// <summary>Time to earn one token at the current rate.</summary>
    public TimeSpan RefillInterval => TimeSpan.FromSeconds(1 / Rate);

    /// <summary>Takes a token if one is free and nobody is queued (never jumps the queue).</summary>
    public bool TryAcquire()
    {
        var lease = _permits.AttemptAcquire(1);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return false;
        }
        Spend(lease);
        return true;
    }

    /// <summary>Waits in FIFO order for a token. False when the queue is full. Throws when cancelled.</summary>
    public async ValueTask<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = await _permits.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return false;
        }
        Spend(lease);
        return true;
    }

    /// <summary>Sets a new rate (from <c>x-amzn-RateLimit-Limit</c>); the refill in progress is rescaled. True if it changed.</summary>
    public bool SetRate(double rate)
    {
        lock (_gate)
        {
            if (Math.Abs(rate - _rate) <= _rate * 1e-9) return false;
            if (_running)
            {
                var now = _time.GetTimestamp();
                var remaining = Math.Max(0, DueOfNext() - now) * (_rate / rate);
                _rate = rate;
                _anchor = now + (long)Math.Ceiling(remaining) - IntervalTicks(1);
                _refills = 0;
                Arm(now);
            }
            else
            {
                _rate = rate;
            }
            return true;
        }
    }

    /// <summary>Takes every free token: the server said its bucket is empty, so ours should be too.</summary>
    public void Drain()
    {
        lock (_gate)
        {
            if (_disposed) return;
            while (true)
            {
                var lease = _permits.AttemptAcquire(1);
                if (!lease.IsAcquired)
                {
                    lease.Dispose();
                    break;
                }
                _spent.Enqueue(lease);
            }
            if (_spent.Count > 0) StartClock();
        }
    }

    /// <summary>Free tokens and queued callers, for tests and diagnostics.</summary>
    public (long Available, long Queued) Snapshot()
    {
        var stats = _permits.GetStatistics();
        lock (_gate) return ((stats?.CurrentAvailablePermits ?? 0) + _owed, stats?.CurrentQueuedCount ?? 0);
    }

    /// <summary>Marks the bucket in use so it is not evicted; false if it was evicted (get a fresh one).</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_evicted || _disposed) return false;
            _users++;
            _lastUsed = _time.GetTimestamp();
            return true;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            _users--;
            _lastUsed = _time.GetTimestamp();
        }
    }

    /// <summary>Evicts the bucket if nobody uses it, it is full and it has been idle for <paramref name="idleFor"/>.</summary>
    public bool TryEvict(TimeSpan idleFor)
    {
        lock (_gate)
        {
            if (_users > 0 || _running || _owed > 0 || _time.GetElapsedTime(_lastUsed) < idleFor) return false;
            _evicted = true;
            return true;
        }
    }

    private void Spend(RateLimitLease lease)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                lease.Dispose();
                return;
            }
            if (_owed > 0)
            {
                // The clock already refilled this permit while it was in transit. Giving it back may hand it
                // straight to a queued caller, which empties the bucket again: then the clock must run.
                _owed--;
                lease.Dispose();
                if (Missing() > 0) StartClock();
                return;
            }
            _spent.Enqueue(lease);
            StartClock();
        }
    }

    private void StartClock()
    {
        if (_running || _disposed) return;
        var now = _time.GetTimestamp();
        _running = true;
        _anchor = now + _marginTicks;
        _refills = 0;
        Arm(now);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (!_running || _disposed) return;
            var now = _time.GetTimestamp();
            while (_running && now >= DueOfNext())
            {
                _refills++;
                // Releasing under our lock is safe: the limiter completes waiters asynchronously.
                if (_spent.Count > 0) _spent.Dequeue().Dispose();
                else _owed++;
                if (Missing() <= 0) _running = false;
            }
            if (_running) Arm(now);
        }
    }

    /// <summary>Tokens below capacity. Only the limiter can lower "available" concurrently, which only makes this larger.</summary>
    private long Missing() => Burst - (_permits.GetStatistics()?.CurrentAvailablePermits ?? Burst) - _owed;

    private const double MaxTimerMs = 24 * 3600 * 1000.0;

    private long IntervalTicks(long n) => (long)Math.Ceiling(n * _time.TimestampFrequency / _rate);

    private long DueOfNext() => _anchor + IntervalTicks(_refills + 1);

    private void Arm(long now)
    {
        // Whole milliseconds, rounded up: system timers truncate, and an early tick would only re-arm.
        // Clamped to a day: timers refuse dues over ~49 days, and an early tick only re-arms.
        var ms = Math.Ceiling((DueOfNext() - now) * 1000.0 / _time.TimestampFrequency);
        _timer.Change(TimeSpan.FromMilliseconds(Math.Clamp(double.IsFinite(ms) ? ms : MaxTimerMs, 0, MaxTimerMs)), Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _running = false;
            while (_spent.Count > 0) _spent.Dequeue().Dispose();
        }
        _timer.Dispose();
        _permits.Dispose();
    }
}
