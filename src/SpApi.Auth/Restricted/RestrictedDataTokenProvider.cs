using SpApi.Auth.Lwa;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tokens;

namespace SpApi.Auth.Restricted;

/// <summary>
/// RDTs cached per (seller, method, path, data elements, target application) until their expiry, with single-flight
/// creation, so concurrent restricted calls for one resource share one <c>createRestrictedDataToken</c>.
/// </summary>
internal sealed class RestrictedDataTokenProvider(
    IRestrictedDataTokenSource source, SingleFlightTokenStore store, LwaCredentials application, TimeSpan expiryMargin, TimeProvider timeProvider)
{
    private readonly Func<RestrictedDataToken, CachedToken> _toCached = rdt =>
        CachedToken.Create(rdt.Token, rdt.ExpiresIn, expiryMargin, timeProvider.GetUtcNow());

    /// <summary>The client id of the application acting for <paramref name="seller"/>.</summary>
    public string ApplicationId(SellerContext seller) => (seller?.Credentials ?? application).ClientId;

    public async ValueTask<IssuedToken> GetAsync(SellerContext seller, RestrictedResource resource, string? targetApplication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(resource);
        var app = seller.Credentials ?? application;
        var key = TokenCacheKeys.RestrictedData(app.ClientId, seller.RefreshToken, resource.Method, resource.Path, resource.DataElements, targetApplication);
        var token = await store.GetAsync(key, ct => source.CreateAsync(seller, resource, targetApplication, ct),
            _toCached, cancellationToken).ConfigureAwait(false);
        return new IssuedToken(token.Value, TokenKind.RestrictedData, key);
    }
}
