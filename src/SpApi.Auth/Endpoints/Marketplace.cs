namespace SpApi.Auth.Endpoints;

/// <summary>An Amazon marketplace: its id, country, region and the portals where partners authorize apps.</summary>
public sealed record Marketplace(
    string Id,
    string CountryCode,
    string Country,
    SpApiRegion Region,
    Uri SellerCentral,
    Uri? VendorCentral)
{
    /// <summary>Production SP-API base address for this marketplace's region.</summary>
    public Uri BaseAddress => SpApiEndpoints.BaseAddress(Region);

    /// <inheritdoc/>
    public override string ToString() => $"{CountryCode} {Id} ({Region})";
}
