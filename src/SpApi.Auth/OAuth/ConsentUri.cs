using SpApi.Auth.Endpoints;

namespace SpApi.Auth.OAuth;

/// <summary>Builds the Seller Central / Vendor Central consent page address of the website authorization workflow.</summary>
public static class ConsentUri
{
    /// <summary>
    /// <c>{portal}/apps/authorize/consent?application_id=…&amp;state=…[&amp;redirect_uri=…][&amp;version=beta]</c>.
    /// <c>version=beta</c> authorizes a draft application.
    /// </summary>
    public static Uri Build(Uri portal, string applicationId, string state, Uri? redirectUri = null, bool beta = false)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        if (!portal.IsAbsoluteUri || (portal.Scheme != Uri.UriSchemeHttps && !portal.IsLoopback))
            throw new ArgumentException($"The consent portal must be an absolute HTTPS address (or a loopback sandbox), got '{portal}'.", nameof(portal));
        if (redirectUri is not null) ValidateRedirectUri(redirectUri, allowLoopback: portal.IsLoopback);

        var query = $"application_id={Uri.EscapeDataString(applicationId)}&state={Uri.EscapeDataString(state)}";
        if (redirectUri is not null) query += $"&redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}";
        if (beta) query += "&version=beta";
        return new UriBuilder(portal) { Path = "/apps/authorize/consent", Query = query }.Uri;
    }

    /// <summary>The Seller Central or Vendor Central address of a marketplace.</summary>
    public static Uri Portal(Marketplace marketplace, AuthorizationPortal portal)
    {
        ArgumentNullException.ThrowIfNull(marketplace);
        return portal switch
        {
            AuthorizationPortal.SellerCentral => marketplace.SellerCentral,
            AuthorizationPortal.VendorCentral => marketplace.VendorCentral
                ?? throw new ArgumentException($"No Vendor Central address is known for marketplace {marketplace.CountryCode} ({marketplace.Id}); pass the portal address explicitly.", nameof(marketplace)),
            _ => throw new ArgumentOutOfRangeException(nameof(portal), portal, "Unknown authorization portal."),
        };
    }

    /// <summary>Redirect URIs must be absolute HTTPS: the authorization code travels in their query.</summary>
    public static void ValidateRedirectUri(Uri redirectUri) => ValidateRedirectUri(redirectUri, allowLoopback: false);

    /// <summary>
    /// As <see cref="ValidateRedirectUri(Uri)"/>; with <paramref name="allowLoopback"/> (a local sandbox's consent
    /// page) an http loopback address is accepted too: the code then never leaves the machine.
    /// </summary>
    public static void ValidateRedirectUri(Uri redirectUri, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        if (allowLoopback && redirectUri.IsAbsoluteUri && redirectUri.IsLoopback && redirectUri.Scheme == Uri.UriSchemeHttp) return;
        if (!redirectUri.IsAbsoluteUri || redirectUri.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException($"The redirect_uri must be an absolute HTTPS address, got '{redirectUri}'.", nameof(redirectUri));
    }

    /// <summary>True when <paramref name="consentPortal"/> is a loopback address (the local sandbox playing Seller Central).</summary>
    internal static bool IsLoopbackPortal(string? consentPortal) =>
        consentPortal is not null && Uri.TryCreate(consentPortal, UriKind.Absolute, out var p) && p.IsLoopback;
}
