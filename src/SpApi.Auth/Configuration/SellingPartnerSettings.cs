using SpApi.Auth.Endpoints;
using SpApi.Auth.Handlers;
using SpApi.Auth.Lwa;
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;

namespace SpApi.Auth.Configuration;

/// <summary>The runtime objects made from validated <see cref="SellingPartnerOptions"/>.</summary>
internal sealed class SellingPartnerSettings
{
    public SellingPartnerSettings(SellingPartnerOptions o)
    {
        Application = new LwaCredentials(o.ClientId!, o.ClientSecret!);
        var region = RegionOf(o.Region, o.MarketplaceId);
        var baseAddress = o.BaseAddress is null ? null : new Uri(o.BaseAddress);
        var sellers = new List<SellerContext>();
        if (!string.IsNullOrWhiteSpace(o.RefreshToken))
            sellers.Add(new SellerContext(o.DefaultSellerName, o.RefreshToken, region) { Sandbox = o.Sandbox, BaseAddress = baseAddress });
        foreach (var (name, s) in o.Sellers)
            sellers.Add(new SellerContext(name, s.RefreshToken!, RegionOf(s.Region ?? o.Region, s.MarketplaceId))
            {
                Sandbox = o.Sandbox,
                BaseAddress = s.BaseAddress is null ? baseAddress : new Uri(s.BaseAddress),
                Credentials = string.IsNullOrWhiteSpace(s.ClientId) ? null : new LwaCredentials(s.ClientId, s.ClientSecret!),
            });
        Sellers = sellers;
        DefaultSeller = !string.IsNullOrWhiteSpace(o.RefreshToken) ? o.DefaultSellerName : sellers.Count == 1 ? sellers[0].Name : null;
        DefaultBaseAddress = sellers.Find(s => s.Name == DefaultSeller)?.Endpoint ?? baseAddress ?? SpApiEndpoints.BaseAddress(region, o.Sandbox);

        BaseAddress = baseAddress;
        // The configured base address also serves sellers added at run time, so it is allowed even when no
        // configured seller uses it yet. (Loops, not LINQ: this runs at start-up, where each generic instance costs JIT time.)
        var loopbacks = new List<Uri>();
        if (o.AllowLoopbackBaseAddress)
        {
            foreach (var seller in sellers) AddLoopback(loopbacks, seller.Endpoint);
            AddLoopback(loopbacks, DefaultBaseAddress);
            if (baseAddress is not null) AddLoopback(loopbacks, baseAddress);
        }
        AuthHandler = new AuthHandlerOptions
        {
            AppName = o.AppName,
            AllowedLoopbackBaseAddresses = loopbacks,
            AutomaticRestrictedDataTokens = o.AutomaticRestrictedDataTokens,
            HasRestrictedRoles = o.HasRestrictedRoles,
            RestrictedRoleRefusalMemory = o.RestrictedRoleRefusalMemory,
        };
        if (o.AppVersion is not null) AuthHandler.AppVersion = o.AppVersion;
        Lwa = new LwaClientOptions { AllowLoopback = o.AllowLoopbackBaseAddress, AllowedHosts = o.AllowedLwaHosts.ToArray() };
        if (o.LwaEndpoint is not null) Lwa.Endpoint = new Uri(o.LwaEndpoint);
        TokenExpiryMargin = o.TokenExpiryMargin;
        RestrictedOperations = o.RestrictedOperationsFile is null ? RestrictedOperationTable.Default : RestrictedOperationTable.Load(o.RestrictedOperationsFile);
    }

    public LwaCredentials Application { get; }
    public IReadOnlyList<SellerContext> Sellers { get; }
    public string? DefaultSeller { get; }
    public Uri DefaultBaseAddress { get; }

    /// <summary><see cref="SellingPartnerOptions.BaseAddress"/>: the endpoint of every seller without its own.</summary>
    public Uri? BaseAddress { get; }
    public AuthHandlerOptions AuthHandler { get; }
    public LwaClientOptions Lwa { get; }
    public TimeSpan TokenExpiryMargin { get; }
    public RestrictedOperationTable RestrictedOperations { get; }

    private static void AddLoopback(List<Uri> loopbacks, Uri address)
    {
        if (address.IsLoopback && !loopbacks.Contains(address)) loopbacks.Add(address);
    }

    /// <summary>The region of a marketplace id when given, else of a region code.</summary>
    public static SpApiRegion RegionOf(string? region, string? marketplaceId) =>
        marketplaceId is not null ? Marketplaces.RegionOf(marketplaceId) : SpApiEndpoints.ParseRegion(region ?? "NA");
}
