using System.Collections.Concurrent;

namespace SpApi.Auth.Tokens;

/// <summary>
/// Reads tokens from an <see cref="ITokenCache"/> and, on a miss, fetches each key at most once at a time:
/// every concurrent caller for the same key awaits the same fetch. A failed fetch is handed to the callers
/// waiting on it and then forgotten, so the next call tries again (nothing poisoned).
/// </summary>
internal sealed class SingleFlightTokenStore(ITokenCache cache, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Task<CachedToken>> _inFlight = new(StringComparer.Ordinal);

    public ITokenCache Cache => cache;

    /// <summary>The cached token for <paramref name="key"/>, or the result of one shared <paramref name="fetch"/>.</summary>
    /// <remarks>
    /// The fetch runs without the caller's token: one caller giving up must not fail the others sharing it.
    /// Each caller still stops waiting when its own token is cancelled.
    /// </remarks>
    /// <para><paramref name="toCached"/> turns the fetch's answer into the cached token: a converter, not an async wrapper
    /// around the fetch, since each async layer costs start-up JIT time.</para>
    public ValueTask<CachedToken> GetAsync<TFetched>(string key, Func<CancellationToken, Task<TFetched>> fetch, Func<TFetched, CachedToken> toCached,
        CancellationToken cancellationToken) where TFetched : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(toCached);
        // Not async when the cache answers at once (the in-memory cache always does).
        var lookup = cache.GetAsync(key, cancellationToken);
        if (!lookup.IsCompletedSuccessfully) return GetAfterLookupAsync(lookup, key, fetch, toCached, cancellationToken);
        var cached = lookup.Result;
        return IsUsable(cached) ? new(cached!) : new(Join(key, fetch, toCached).WaitAsync(cancellationToken));
    }

    private async ValueTask<CachedToken> GetAfterLookupAsync<TFetched>(ValueTask<CachedToken?> lookup, string key,
        Func<CancellationToken, Task<TFetched>> fetch, Func<TFetched, CachedToken> toCached, CancellationToken cancellationToken) where TFetched : class
    {
        var cached = await lookup.ConfigureAwait(false);
        if (IsUsable(cached)) return cached!;
        return await Join(key, fetch, toCached).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // The fetch in flight for the key, started here if there is none.
    private Task<CachedToken> Join<TFetched>(string key, Func<CancellationToken, Task<TFetched>> fetch, Func<TFetched, CachedToken> toCached)
        where TFetched : class
    {
        var mine = new TaskCompletionSource<CachedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = _inFlight.GetOrAdd(key, mine.Task);
        if (flight == mine.Task) _ = RunAsync(key, mine, fetch, toCached);
        return flight;
    }

    /// <summary>Forgets the token under <paramref name="key"/> if it is still <paramref name="rejectedValue"/>
    /// (a newer token fetched meanwhile by another call is kept).</summary>
    public async ValueTask InvalidateAsync(string key, string rejectedValue, CancellationToken cancellationToken)
    {
        var cached = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is not null && cached.Value == rejectedValue)
            await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
    }

    // Any cache (shared Redis included) may hold a damaged or planted value: only a well-formed, live token is used.
    private bool IsUsable(CachedToken? cached) =>
        cached is not null && TokenFormat.IsValid(cached.Value) && cached.IsValidAt(timeProvider.GetUtcNow());

    private async Task RunAsync<TFetched>(string key, TaskCompletionSource<CachedToken> flight, Func<CancellationToken, Task<TFetched>> fetch,
        Func<TFetched, CachedToken> toCached) where TFetched : class
    {
        try
        {
            CachedToken? cached;
            if (cache is IFleetTokenCache fleet)
            {
                // One refresh for the whole fleet: the shared cache locks, fetches and stores, or waits for whoever does.
                cached = await fleet.GetOrRefreshAsync(key, IsUsable, async ct => toCached(await fetch(ct).ConfigureAwait(false)), CancellationToken.None)
                    .ConfigureAwait(false);
            }
            else
            {
                // Another caller's flight may have filled the cache between our miss and our turn.
                cached = await cache.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
                if (!IsUsable(cached))
                {
                    cached = toCached(await fetch(CancellationToken.None).ConfigureAwait(false));
                    await cache.SetAsync(key, cached, CancellationToken.None).ConfigureAwait(false);
                }
            }
            _inFlight.TryRemove(new KeyValuePair<string, Task<CachedToken>>(key, flight.Task));
            flight.TrySetResult(cached!);
        }
        catch (Exception e)
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<CachedToken>>(key, flight.Task));
            flight.TrySetException(e);
            // Marked observed: every waiter may have given up (cancelled), which must not raise UnobservedTaskException later.
            _ = flight.Task.Exception;
        }
    }
}
