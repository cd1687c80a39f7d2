using static SpApi.Auth.Endpoints.SpApiRegion;

namespace SpApi.Auth.Endpoints;

/// <summary>
/// The 23 SP-API marketplaces (Amazon's "Marketplace IDs" and "SP-API Endpoints" pages) with their region
/// and the Seller Central / Vendor Central address used for the authorization consent page.
/// </summary>
public static class Marketplaces
{
    public static readonly Marketplace Canada = New("A2EUQ1WTGCTBG2", "CA", "Canada", NorthAmerica, "sellercentral.amazon.ca", "vendorcentral.amazon.ca");
    public static readonly Marketplace UnitedStates = New("ATVPDKIKX0DER", "US", "United States", NorthAmerica, "sellercentral.amazon.com", "vendorcentral.amazon.com");
    public static readonly Marketplace Mexico = New("A1AM78C64UM0Y8", "MX", "Mexico", NorthAmerica, "sellercentral.amazon.com.mx", "vendorcentral.amazon.com.mx");
    public static readonly Marketplace Brazil = New("A2Q3Y263D00KWC", "BR", "Brazil", NorthAmerica, "sellercentral.amazon.com.br", "vendorcentral.amazon.com.br");

    public static readonly Marketplace Ireland = New("A28R8C7NBKEWEA", "IE", "Ireland", Europe, "sellercentral.amazon.ie", null);
    public static readonly Marketplace Spain = New("A1RKKUPIHCS9HS", "ES", "Spain", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.es");
    public static readonly Marketplace UnitedKingdom = New("A1F83G8C2ARO7P", "UK", "United Kingdom", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.co.uk");
    public static readonly Marketplace France = New("A13V1IB3VIYZZH", "FR", "France", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.fr");
    public static readonly Marketplace Belgium = New("AMEN7PMS3EDWL", "BE", "Belgium", Europe, "sellercentral.amazon.com.be", "vendorcentral.amazon.com.be");
    public static readonly Marketplace Netherlands = New("A1805IZSGTT6HS", "NL", "Netherlands", Europe, "sellercentral.amazon.nl", "vendorcentral.amazon.nl");
    public static readonly Marketplace Germany = New("A1PA6795UKMFR9", "DE", "Germany", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.de");
    public static readonly Marketplace Italy = New("APJ6JRA9NG5V4", "IT", "Italy", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.it");
    public static readonly Marketplace Sweden = New("A2NODRKZP88ZB9", "SE", "Sweden", Europe, "sellercentral.amazon.se", "vendorcentral.amazon.se");
    public static readonly Marketplace SouthAfrica = New("AE08WJ6YKNBMC", "ZA", "South Africa", Europe, "sellercentral.amazon.co.za", "vendorcentral.amazon.co.za");
    public static readonly Marketplace Poland = New("A1C3SOZRARQ6R3", "PL", "Poland", Europe, "sellercentral.amazon.pl", "vendorcentral.amazon.pl");
    public static readonly Marketplace Egypt = New("ARBP9OOSHTCHU", "EG", "Egypt", Europe, "sellercentral.amazon.eg", "vendorcentral.amazon.me");
    public static readonly Marketplace Turkey = New("A33AVAJ2PDY3EV", "TR", "Turkey", Europe, "sellercentral.amazon.com.tr", "vendorcentral.amazon.com.tr");
    public static readonly Marketplace SaudiArabia = New("A17E79C6D8DWNP", "SA", "Saudi Arabia", Europe, "sellercentral.amazon.sa", "vendorcentral.amazon.me");
    public static readonly Marketplace UnitedArabEmirates = New("A2VIGQ35RCS4UG", "AE", "United Arab Emirates", Europe, "sellercentral.amazon.ae", "vendorcentral.amazon.me");
    public static readonly Marketplace India = New("A21TJRUUN4KGV", "IN", "India", Europe, "sellercentral.amazon.in", "www.vendorcentral.in");

    public static readonly Marketplace Singapore = New("A19VAU5U5O7RUS", "SG", "Singapore", FarEast, "sellercentral.amazon.sg", "vendorcentral.amazon.com.sg");
    public static readonly Marketplace Australia = New("A39IBJ37TRP1C6", "AU", "Australia", FarEast, "sellercentral.amazon.com.au", "vendorcentral.amazon.com.au");
    public static readonly Marketplace Japan = New("A1VC38T7YXB528", "JP", "Japan", FarEast, "sellercentral.amazon.co.jp", "vendorcentral.amazon.co.jp");

    /// <summary>All marketplaces, grouped by region in Amazon's order.</summary>
    public static IReadOnlyList<Marketplace> All { get; } =
    [
        Canada, UnitedStates, Mexico, Brazil,
        Ireland, Spain, UnitedKingdom, France, Belgium, Netherlands, Germany, Italy, Sweden, SouthAfrica, Poland, Egypt, Turkey, SaudiArabia, UnitedArabEmirates, India,
        Singapore, Australia, Japan,
    ];

    private static readonly Dictionary<string, Marketplace> ById = All.ToDictionary(m => m.Id, StringComparer.Ordinal);
    private static readonly Dictionary<string, Marketplace> ByCountry = All.ToDictionary(m => m.CountryCode, StringComparer.OrdinalIgnoreCase);

    /// <summary>The marketplace with this id (e.g. <c>ATVPDKIKX0DER</c>); throws <see cref="UnknownMarketplaceException"/> otherwise.</summary>
    public static Marketplace Get(string marketplaceId) =>
        TryGet(marketplaceId, out var m) ? m : throw new UnknownMarketplaceException(marketplaceId ?? "(null)");

    /// <summary>Looks a marketplace up by id.</summary>
    public static bool TryGet(string? marketplaceId, out Marketplace marketplace)
    {
        marketplace = null!;
        return marketplaceId is not null && ById.TryGetValue(marketplaceId.Trim(), out marketplace!);
    }

    /// <summary>The marketplace of a country code (<c>UK</c> and <c>GB</c> both mean the United Kingdom).</summary>
    public static Marketplace ForCountry(string countryCode)
    {
        ArgumentNullException.ThrowIfNull(countryCode);
        var code = countryCode.Trim().Equals("GB", StringComparison.OrdinalIgnoreCase) ? "UK" : countryCode.Trim();
        return ByCountry.TryGetValue(code, out var m) ? m : throw new UnknownMarketplaceException(countryCode);
    }

    /// <summary>The region whose endpoint serves a marketplace id.</summary>
    public static SpApiRegion RegionOf(string marketplaceId) => Get(marketplaceId).Region;

    private static Marketplace New(string id, string code, string country, SpApiRegion region, string sellerCentral, string? vendorCentral) =>
        new(id, code, country, region, new Uri($"https://{sellerCentral}"), vendorCentral is null ? null : new Uri($"https://{vendorCentral}"));
}
