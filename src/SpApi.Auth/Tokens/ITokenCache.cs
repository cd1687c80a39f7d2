namespace SpApi.Auth.Tokens;

/// <summary>
/// Where access tokens and RDTs are kept between calls. Keys are opaque hashes built by <see cref="TokenCacheKeys"/>
/// (never a raw refresh token). The default is <see cref="InMemoryTokenCache"/>; <see cref="DistributedTokenCache"/>
/// lets several processes share tokens.
/// </summary>
public interface ITokenCache
{
    /// <summary>The token stored under <paramref name="key"/>, or null (an expired entry may be returned; callers check).</summary>
    ValueTask<CachedToken?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a token until its <see cref="CachedToken.ExpiresAt"/>.</summary>
    ValueTask SetAsync(string key, CachedToken token, CancellationToken cancellationToken);

    /// <summary>Forgets a token (e.g. after SP-API rejected it).</summary>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);
}
