using SpApi.Auth.Endpoints;
using SpApi.Auth.Lwa;

namespace SpApi.Auth.OAuth;

/// <summary>
/// The website authorization workflow: send the partner to the consent page with a fresh <c>state</c>, then on the
/// callback verify the state (single use, expiring, bound to the session) and exchange <c>spapi_oauth_code</c> for a
/// refresh token.
/// </summary>
public sealed class SellingPartnerAuthorization(
    ILwaClient lwa, IAuthorizationStateStore states, LwaCredentials application, SellingPartnerOAuthOptions options)
{
    /// <summary>The consent page for a marketplace's Seller Central or Vendor Central, with a new state.</summary>
    public async Task<Uri> CreateConsentUriAsync(Marketplace marketplace, AuthorizationPortal portal, string? sessionBinding, CancellationToken cancellationToken)
    {
        var applicationId = options.ApplicationId;
        if (string.IsNullOrWhiteSpace(applicationId))
            throw new InvalidOperationException("SellingPartnerApi:OAuth:ApplicationId is required for the website authorization workflow.");
        var portalUri = options.ConsentPortal is { } overridden ? new Uri(overridden, UriKind.Absolute) : ConsentUri.Portal(marketplace, portal);
        var redirect = RedirectUri();
        var state = await states.IssueAsync(sessionBinding, cancellationToken).ConfigureAwait(false);
        return ConsentUri.Build(portalUri, applicationId, state, redirect, options.Beta);
    }

    /// <summary>Verifies the callback's state and exchanges its code for the partner's refresh token.</summary>
    public async Task<SellerAuthorization> CompleteAsync(AuthorizationCallback callback, string? sessionBinding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        await states.ConsumeAsync(callback.State, sessionBinding, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(callback.SpApiOAuthCode))
            throw new ArgumentException("The authorization callback has no 'spapi_oauth_code' parameter.", nameof(callback));
        var token = await lwa.ExchangeCodeAsync(application, callback.SpApiOAuthCode, RedirectUri(), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token.RefreshToken))
            throw new LwaException("invalid_response", "The authorization_code grant returned no refresh_token.", 200, "authorization_code");
        return new SellerAuthorization(callback.SellingPartnerId, token.RefreshToken);
    }

    private Uri? RedirectUri()
    {
        if (options.RedirectUri is null) return null;
        var uri = new Uri(options.RedirectUri, UriKind.RelativeOrAbsolute);
        ConsentUri.ValidateRedirectUri(uri, allowLoopback: ConsentUri.IsLoopbackPortal(options.ConsentPortal));
        return uri;
    }
}
