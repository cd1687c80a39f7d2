using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace SpApi.Auth.Tokens;

/// <summary>
/// <see cref="ITokenCache"/> over <see cref="IDistributedCache"/> (Redis, SQL Server…) so several processes share
/// tokens and LWA sees one refresh per seller per hour across the fleet. Tokens are stored as given: secure the cache.
/// </summary>
public sealed class DistributedTokenCache(IDistributedCache cache) : ITokenCache
{
    internal sealed record Entry(string V, long E);

    /// <inheritdoc/>
    public async ValueTask<CachedToken?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (bytes is null) return null;
        try
        {
            var entry = JsonSerializer.Deserialize(bytes, DistributedTokenCacheJson.Default.Entry);
            // A value without a token's shape (a tampered or foreign entry) is a miss: it is never sent.
            return entry is null || !TokenFormat.IsValid(entry.V) ? null : new CachedToken(entry.V, DateTimeOffset.FromUnixTimeMilliseconds(entry.E));
        }
        catch (JsonException)
        {
            return null; // A foreign or damaged entry is a miss, not a failure.
        }
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(string key, CachedToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Entry(token.Value, token.ExpiresAt.ToUnixTimeMilliseconds()), DistributedTokenCacheJson.Default.Entry);
        await cache.SetAsync(key, bytes, new DistributedCacheEntryOptions { AbsoluteExpiration = token.ExpiresAt }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken) =>
        await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
}

/// <summary>Source-generated (reflection-free) JSON for cache entries.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(DistributedTokenCache.Entry))]
internal sealed partial class DistributedTokenCacheJson : System.Text.Json.Serialization.JsonSerializerContext;
