using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpApi.Auth.Telemetry;
using StackExchange.Redis;

namespace SpApi.Auth.Redis;

/// <summary>
/// The fleet's Redis connection and its health as this worker sees it. When Redis fails, callers fall back to
/// local state: the outage is logged once and counted (<c>spapi.redis.fallbacks</c>), Redis is probed again every
/// <see cref="SpApiRedisOptions.ReconnectProbeInterval"/> (StackExchange.Redis reconnects in the background), and
/// the first success after an outage is logged as the resume. A singleton.
/// </summary>
public sealed class FleetRedis : IDisposable
{
    /// <summary>Counter of fallbacks to local state (one per outage seen by this worker).</summary>
    public const string FallbacksInstrument = "spapi.redis.fallbacks";

    private readonly SpApiRedisOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Counter<long> _fallbacks;
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;
    private readonly bool _ownsConnection;
    private readonly object _gate = new();
    private bool _down;
    private long _nextProbe;
    private long _outages;
    private int _notAtomicReported;

    /// <summary>Connects lazily (on first use) with <see cref="SpApiRedisOptions.ConnectionString"/>, or uses <paramref name="multiplexer"/> when given (then not disposed here); outages are counted on <paramref name="metrics"/>.</summary>
    public FleetRedis(SpApiRedisOptions options, IConnectionMultiplexer? multiplexer, TimeProvider timeProvider, SpApiMetrics metrics,
        ILogger<FleetRedis>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        options.Validate(multiplexer is not null);
        _options = options;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? NullLogger<FleetRedis>.Instance;
        _fallbacks = metrics.Meter.CreateCounter<long>(FallbacksInstrument, "{fallback}",
            "Times this worker lost Redis and fell back to local usage-plan buckets and tokens.");
        _ownsConnection = multiplexer is null;
        _connection = new Lazy<Task<IConnectionMultiplexer>>(() => multiplexer is not null ? Task.FromResult(multiplexer) : ConnectAsync(options.ConnectionString!));
        Keys = new FleetKeys(options.KeyPrefix);
    }

    /// <summary>The validated options this connection was made with.</summary>
    public SpApiRedisOptions Options => _options;

    internal FleetKeys Keys { get; }

    /// <summary>Outages this worker has seen (each logged once and counted once).</summary>
    public long Outages => Interlocked.Read(ref _outages);

    /// <summary>True while this worker uses local state because Redis failed.</summary>
    public bool IsDown
    {
        get { lock (_gate) return _down; }
    }

    /// <summary>The database to use now, or null when Redis is down and not due for a probe.</summary>
    public async ValueTask<IDatabase?> DatabaseAsync()
    {
        lock (_gate)
            if (_down && _time.GetTimestamp() < _nextProbe) return null;
        IConnectionMultiplexer connection;
        try
        {
            connection = await _connection.Value.ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ReportFailure(e);
            return null;
        }
        if (!connection.IsConnected)
        {
            ReportFailure(null);
            return null;
        }
        return connection.GetDatabase();
    }

    /// <summary>Redis answered: if this ends an outage, say so.</summary>
    public void ReportSuccess()
    {
        lock (_gate)
        {
            if (!_down) return;
            _down = false;
        }
        _logger.LogInformation("Redis is reachable again: usage-plan buckets and tokens are shared by the fleet again.");
    }

    /// <summary>Redis failed: start (or extend) an outage; the first failure of an outage is logged and counted.</summary>
    public void ReportFailure(Exception? error)
    {
        bool first;
        lock (_gate)
        {
            first = !_down;
            _down = true;
            _nextProbe = _time.GetTimestamp() + (long)(_options.ReconnectProbeInterval.TotalSeconds * _time.TimestampFrequency);
        }
        if (!first) return;
        Interlocked.Increment(ref _outages);
        _fallbacks.Add(1);
        _logger.LogWarning("Redis is unreachable ({Error}): this worker falls back to local usage-plan buckets at {Share:0.###} of each plan " +
            "and its own tokens until Redis answers again.", error?.GetType().Name ?? "not connected", _options.EffectiveFallbackShare);
    }

    /// <summary>
    /// Two usage-plan scripts ran at once on <paramref name="bucket"/>: the server does not run Lua scripts atomically,
    /// so a token can go to two callers. Logged once (an error: the fleet may exceed the plan) with the fix.
    /// </summary>
    internal void ReportScriptsNotAtomic(RedisKey bucket)
    {
        if (Interlocked.Exchange(ref _notAtomicReported, 1) != 0) return;
        _logger.LogError("The Redis server ran two usage-plan scripts on {Bucket} at the same time: it does not run Lua scripts atomically, " +
            "so the fleet can hand one token to two callers and exceed the plan. Garnet needs --lua-transaction-mode true (LuaTransactionMode).", bucket.ToString());
    }

    /// <summary>Runs <paramref name="action"/> on Redis; null when Redis is down or failed (the failure is reported).</summary>
    internal async ValueTask<(bool Ok, T Value)> TryAsync<T>(Func<IDatabase, Task<T>> action)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        if (db is null) return (false, default!);
        try
        {
            var value = await action(db).ConfigureAwait(false);
            ReportSuccess();
            return (true, value);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            ReportFailure(e);
            return (false, default!);
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var config = ConfigurationOptions.Parse(connectionString);
        // A worker must start and serve calls while Redis is down; the multiplexer keeps reconnecting.
        config.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false);
    }

    /// <summary>Closes the connection this instance opened (a multiplexer passed in stays open).</summary>
    public void Dispose()
    {
        if (_ownsConnection && _connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully) _connection.Value.Result.Dispose();
    }
}

/// <summary>The key layout (all under one prefix; see docs/fleet.md).</summary>
internal sealed class FleetKeys(string prefix)
{
    /// <summary><c>{prefix}:rl:{app}:{seller}:{endpoint}:{operation}</c>: one usage-plan bucket (hash: tokens, ts, rate).</summary>
    public RedisKey Bucket(string application, string seller, string endpoint, string operation) =>
        $"{prefix}:rl:{application}:{seller}:{endpoint}:{operation}";

    /// <summary><c>{prefix}:token:{cache key}</c>: an encrypted token (the cache key is already a SHA-256, never a secret).</summary>
    public RedisKey Token(string cacheKey) => $"{prefix}:token:{cacheKey}";

    /// <summary><c>{prefix}:lock:{cache key}</c>: the fleet-wide refresh lock of one token.</summary>
    public RedisKey Lock(string cacheKey) => $"{prefix}:lock:{cacheKey}";
}
