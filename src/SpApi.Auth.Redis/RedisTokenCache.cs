using SpApi.Auth.Tokens;
using StackExchange.Redis;

namespace SpApi.Auth.Redis;

/// <summary>
/// Tokens shared by the fleet: encrypted in Redis (<see cref="TokenProtector"/>), with a process-local copy in
/// front so a call costs no round trip while its token is valid, and a short Redis lock around each refresh so one
/// worker asks LWA while the others wait for its result. While Redis is down, this worker keeps and refreshes its
/// own tokens (local copy only); nothing fails because Redis is gone.
/// </summary>
public sealed class RedisTokenCache : IFleetTokenCache
{
    private const string ReleaseLua = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    private readonly FleetRedis _redis;
    private readonly TokenProtector _protector;
    private readonly InMemoryTokenCache _local;
    private readonly TimeProvider _time;

    /// <summary>A cache on <paramref name="redis"/>; needs <see cref="SpApiRedisOptions.TokenEncryptionKey"/>.</summary>
    /// <exception cref="ArgumentException">No token encryption key is configured (tokens are never stored in Redis in the clear).</exception>
    public RedisTokenCache(FleetRedis redis, TimeProvider timeProvider)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        var key = redis.Options.TokenKeyBytes
            ?? throw new ArgumentException("RedisTokenCache needs SpApiRedisOptions.TokenEncryptionKey: tokens are never stored in Redis in the clear.");
        _protector = new TokenProtector(key);
        _local = new InMemoryTokenCache(timeProvider);
    }

    /// <inheritdoc />
    public async ValueTask<CachedToken?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (await _local.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } local) return local;
        var shared = await ReadSharedAsync(key).ConfigureAwait(false);
        if (shared is not null && shared.IsValidAt(_time.GetUtcNow())) await _local.SetAsync(key, shared, cancellationToken).ConfigureAwait(false);
        return shared;
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, CachedToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await _local.SetAsync(key, token, cancellationToken).ConfigureAwait(false);
        var redisKey = _redis.Keys.Token(key);
        var ttl = token.ExpiresAt - _time.GetUtcNow();
        if (ttl <= TimeSpan.Zero) return;
        await _redis.TryAsync(db => db.StringSetAsync(redisKey, _protector.Protect(redisKey!, token), ttl)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await _local.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        await _redis.TryAsync(db => db.KeyDeleteAsync(_redis.Keys.Token(key))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CachedToken> GetOrRefreshAsync(string key, Func<CachedToken, bool> isValid, Func<CancellationToken, Task<CachedToken>> fetch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isValid);
        ArgumentNullException.ThrowIfNull(fetch);
        var lockKey = _redis.Keys.Lock(key);
        var owner = Guid.NewGuid().ToString("N");
        var giveUp = _time.GetTimestamp() + 2 * Ticks(_redis.Options.TokenLockTimeout);
        while (true)
        {
            if (await GetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached && isValid(cached)) return cached;
            var (reachable, locked) = await _redis.TryAsync(db =>
                db.StringSetAsync(lockKey, owner, _redis.Options.TokenLockTimeout, When.NotExists)).ConfigureAwait(false);
            if (!reachable || locked || _time.GetTimestamp() >= giveUp)
            {
                // Ours to refresh: we hold the lock, or Redis is gone, or the holder never delivered.
                try
                {
                    // The previous holder may have stored its token just before we locked.
                    if (locked && await ReadSharedAsync(key).ConfigureAwait(false) is { } fresh && isValid(fresh))
                    {
                        await _local.SetAsync(key, fresh, cancellationToken).ConfigureAwait(false);
                        return fresh;
                    }
                    var token = await fetch(cancellationToken).ConfigureAwait(false);
                    await SetAsync(key, token, cancellationToken).ConfigureAwait(false);
                    return token;
                }
                finally
                {
                    if (locked) await _redis.TryAsync(db => db.ScriptEvaluateAsync(ReleaseLua, [lockKey], [owner])).ConfigureAwait(false);
                }
            }
            // Another worker is refreshing: read its result shortly.
            await Task.Delay(_redis.Options.TokenWaitPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CachedToken?> ReadSharedAsync(string key)
    {
        var redisKey = _redis.Keys.Token(key);
        var (ok, value) = await _redis.TryAsync(db => db.StringGetAsync(redisKey)).ConfigureAwait(false);
        return ok && value.HasValue ? _protector.Unprotect(redisKey!, (byte[])value!) : null;
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
