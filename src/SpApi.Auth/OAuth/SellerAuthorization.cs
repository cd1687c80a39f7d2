using SpApi.Auth.Endpoints;
using SpApi.Auth.Sellers;

namespace SpApi.Auth.OAuth;

/// <summary>The outcome of a completed authorization: store <see cref="RefreshToken"/> securely. Never printed.</summary>
public sealed record SellerAuthorization(string? SellingPartnerId, string RefreshToken)
{
    /// <summary>A seller context for the new refresh token (register it with <c>ISellingPartnerClientFactory.For</c>).</summary>
    public SellerContext ToSellerContext(string name, SpApiRegion region) => new(name, RefreshToken, region);

    /// <summary>Never prints the refresh token.</summary>
    public override string ToString() => $"SellerAuthorization {{ SellingPartnerId = {SellingPartnerId}, RefreshToken = *** }}";
}
