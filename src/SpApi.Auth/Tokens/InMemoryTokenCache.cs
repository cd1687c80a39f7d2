using SpApi.Auth.Caching;

namespace SpApi.Auth.Tokens;

/// <summary>
/// The default <see cref="ITokenCache"/>: process-local and bounded. Expired entries are dropped when read and, in
/// expiry order, on each write; a write into a full cache drops the token that expires first (it is fetched again
/// when next needed). Every call costs O(log n), also with 100,000 single-use report-document RDTs held.
/// </summary>
public sealed class InMemoryTokenCache : ITokenCache
{
    /// <summary>Default bound: far above one process's sellers x operations, small enough for a few tens of MB.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly TimeProvider _time;
    private readonly BoundedExpiringStore<CachedToken> _tokens;

    /// <summary>A cache on the system clock.</summary>
    public InMemoryTokenCache() : this(TimeProvider.System)
    {
    }

    /// <summary>A cache on <paramref name="timeProvider"/> holding at most <paramref name="capacity"/> tokens.</summary>
    public InMemoryTokenCache(TimeProvider timeProvider, int capacity = DefaultCapacity)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _tokens = new BoundedExpiringStore<CachedToken>(capacity);
    }

    /// <summary>Number of entries held (expired ones included until read or swept by a write).</summary>
    public int Count => _tokens.Count;

    /// <summary>Most entries held at once.</summary>
    public int Capacity => _tokens.Capacity;

    internal BoundedExpiringStore<CachedToken> Store => _tokens;

    /// <inheritdoc/>
    public ValueTask<CachedToken?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tokens.TryGet(key, _time.GetUtcNow(), out var token) ? token : null);

    /// <inheritdoc/>
    public ValueTask SetAsync(string key, CachedToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        _tokens.Set(key, token, token.ExpiresAt, _time.GetUtcNow());
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _tokens.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
