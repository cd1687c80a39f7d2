using SpApi.Auth.Lwa;
using SpApi.Auth.Sellers;

namespace SpApi.Auth.Tokens;

/// <summary>
/// LWA access tokens for sellers (refresh_token grant) and for grantless operations (client_credentials grant),
/// cached per (client id, refresh token or scope) with single-flight refresh.
/// </summary>
internal sealed class AccessTokenProvider(
    ILwaClient lwa, SingleFlightTokenStore store, LwaCredentials application, TimeSpan expiryMargin, TimeProvider timeProvider,
    RevokedSellers? revokedSellers = null)
{
    /// <summary>An LWA answer as the store caches it, with the expiry margin.</summary>
    private readonly Func<LwaToken, CachedToken> _toCached = lwaToken =>
        CachedToken.Create(lwaToken.AccessToken, lwaToken.ExpiresIn, expiryMargin, timeProvider.GetUtcNow());

    /// <summary>The seller's access token, from the cache or one shared LWA refresh.</summary>
    /// <exception cref="LwaException">LWA refused the refresh token (then, for <see cref="RevokedSellers.Period"/>, at once).</exception>
    public async ValueTask<IssuedToken> GetSellerTokenAsync(SellerContext seller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        if (revokedSellers?.Check(seller.Name) is { } refused) throw refused;
        var app = seller.Credentials ?? application;
        try
        {
            // The store is awaited here, not through GetAsync: one async layer less on every first call.
            var key = TokenCacheKeys.Seller(app.ClientId, seller.RefreshToken);
            var token = await store.GetAsync(key, ct => lwa.RefreshAsync(app, seller.RefreshToken, ct), _toCached, cancellationToken).ConfigureAwait(false);
            return new IssuedToken(token.Value, TokenKind.Seller, key);
        }
        catch (LwaException e) when (e.Error == "invalid_grant" && revokedSellers is not null)
        {
            revokedSellers.Revoke(seller.Name, e);
            throw;
        }
    }

    /// <summary>The application's token for a grantless <paramref name="scope"/>.</summary>
    public ValueTask<IssuedToken> GetGrantlessTokenAsync(string scope, LwaCredentials? credentials, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        var app = credentials ?? application;
        return GetAsync(TokenCacheKeys.Grantless(app.ClientId, scope), TokenKind.Grantless,
            ct => lwa.ClientCredentialsAsync(app, scope, ct), cancellationToken);
    }

    private async ValueTask<IssuedToken> GetAsync(string key, TokenKind kind, Func<CancellationToken, Task<LwaToken>> request, CancellationToken cancellationToken)
    {
        var token = await store.GetAsync(key, request, _toCached, cancellationToken).ConfigureAwait(false);
        return new IssuedToken(token.Value, kind, key);
    }
}
