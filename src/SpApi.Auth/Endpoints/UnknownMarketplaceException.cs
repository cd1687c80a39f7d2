namespace SpApi.Auth.Endpoints;

/// <summary>A marketplace id or country code that is not one of Amazon's SP-API marketplaces.</summary>
public sealed class UnknownMarketplaceException(string value)
    : ArgumentException($"Unknown Amazon marketplace '{value}'. Known marketplace ids: {string.Join(", ", Marketplaces.All.Select(m => $"{m.Id} ({m.CountryCode})"))}.")
{
    /// <summary>The value that was not recognised.</summary>
    public string Value { get; } = value;
}
