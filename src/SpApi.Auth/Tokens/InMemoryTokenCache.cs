using System.Collections.Concurrent;

namespace SpApi.Auth.Tokens;

/// <summary>The default <see cref="ITokenCache"/>: a process-local dictionary; expired entries are dropped when read.</summary>
public sealed class InMemoryTokenCache(TimeProvider timeProvider) : ITokenCache
{
    // Specific-path RDTs (one per report document) are rarely read again: sweep expired ones past this size.
    private const int SweepThreshold = 4096;
    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>A cache on the system clock.</summary>
    public InMemoryTokenCache() : this(TimeProvider.System)
    {
    }

    /// <summary>Number of entries held (expired ones included until read).</summary>
    public int Count => _tokens.Count;

    /// <inheritdoc/>
    public ValueTask<CachedToken?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_tokens.TryGetValue(key, out var token)) return ValueTask.FromResult<CachedToken?>(null);
        if (token.IsValidAt(timeProvider.GetUtcNow())) return ValueTask.FromResult<CachedToken?>(token);
        _tokens.TryRemove(new KeyValuePair<string, CachedToken>(key, token));
        return ValueTask.FromResult<CachedToken?>(null);
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(string key, CachedToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_tokens.Count >= SweepThreshold) RemoveExpired();
        _tokens[key] = token;
        return ValueTask.CompletedTask;
    }

    private void RemoveExpired()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var entry in _tokens)
            if (!entry.Value.IsValidAt(now)) _tokens.TryRemove(entry);
    }

    /// <inheritdoc/>
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _tokens.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
