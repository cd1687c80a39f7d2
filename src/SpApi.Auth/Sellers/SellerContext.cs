using SpApi.Auth.Endpoints;
using SpApi.Auth.Lwa;

namespace SpApi.Auth.Sellers;

/// <summary>
/// One selling partner the application calls for: a name (how requests refer to it), the refresh token the
/// partner granted, and the region (or explicit base address) its calls go to. <see cref="ToString"/> never
/// prints the refresh token.
/// </summary>
public sealed record SellerContext
{
    /// <summary>A seller named <paramref name="name"/> authorised by <paramref name="refreshToken"/>, served by <paramref name="region"/>'s endpoint.</summary>
    public SellerContext(string name, string refreshToken, SpApiRegion region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        Name = name;
        RefreshToken = refreshToken;
        Region = region;
    }

    /// <summary>A context whose region is the one serving <paramref name="marketplaceId"/>.</summary>
    public static SellerContext ForMarketplace(string name, string refreshToken, string marketplaceId) =>
        new(name, refreshToken, Marketplaces.RegionOf(marketplaceId));

    /// <summary>The seller's name, carried on each request in <c>SpApiRequestOptions.Seller</c>.</summary>
    public string Name { get; }

    /// <summary>The LWA refresh token the selling partner granted this application.</summary>
    public string RefreshToken { get; }

    /// <summary>The SP-API region whose endpoint serves this seller.</summary>
    public SpApiRegion Region { get; init; }

    /// <summary>Use the region's Amazon sandbox host.</summary>
    public bool Sandbox { get; init; }

    /// <summary>Overrides the region's endpoint (e.g. the local sandbox server on a loopback address).</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>LWA client credentials for this seller when they differ from the application's.</summary>
    public LwaCredentials? Credentials { get; init; }

    /// <summary>Where this seller's calls are sent.</summary>
    public Uri Endpoint => BaseAddress ?? SpApiEndpoints.BaseAddress(Region, Sandbox);

    /// <summary>Never prints the refresh token.</summary>
    public override string ToString() =>
        $"SellerContext {{ Name = {Name}, RefreshToken = ***, Region = {Region}, Endpoint = {Endpoint} }}";
}
