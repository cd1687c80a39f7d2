using static SpApi.Auth.Endpoints.SpApiRegion;

namespace SpApi.Auth.Endpoints;

/// <summary>
/// The 23 SP-API marketplaces (Amazon's "Marketplace IDs" and "SP-API Endpoints" pages) with their region
/// and the Seller Central / Vendor Central address used for the authorization consent page.
/// </summary>
public static class Marketplaces
{
    /// <summary>Canada (<c>A2EUQ1WTGCTBG2</c>, NorthAmerica).</summary>
    public static readonly Marketplace Canada = New("A2EUQ1WTGCTBG2", "CA", "Canada", NorthAmerica, "sellercentral.amazon.ca", "vendorcentral.amazon.ca");
    /// <summary>United States (<c>ATVPDKIKX0DER</c>, NorthAmerica).</summary>
    public static readonly Marketplace UnitedStates = New("ATVPDKIKX0DER", "US", "United States", NorthAmerica, "sellercentral.amazon.com", "vendorcentral.amazon.com");
    /// <summary>Mexico (<c>A1AM78C64UM0Y8</c>, NorthAmerica).</summary>
    public static readonly Marketplace Mexico = New("A1AM78C64UM0Y8", "MX", "Mexico", NorthAmerica, "sellercentral.amazon.com.mx", "vendorcentral.amazon.com.mx");
    /// <summary>Brazil (<c>A2Q3Y263D00KWC</c>, NorthAmerica).</summary>
    public static readonly Marketplace Brazil = New("A2Q3Y263D00KWC", "BR", "Brazil", NorthAmerica, "sellercentral.amazon.com.br", "vendorcentral.amazon.com.br");

    /// <summary>Ireland (<c>A28R8C7NBKEWEA</c>, Europe).</summary>
    public static readonly Marketplace Ireland = New("A28R8C7NBKEWEA", "IE", "Ireland", Europe, "sellercentral.amazon.ie", null);
    /// <summary>Spain (<c>A1RKKUPIHCS9HS</c>, Europe).</summary>
    public static readonly Marketplace Spain = New("A1RKKUPIHCS9HS", "ES", "Spain", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.es");
    /// <summary>United Kingdom (<c>A1F83G8C2ARO7P</c>, Europe).</summary>
    public static readonly Marketplace UnitedKingdom = New("A1F83G8C2ARO7P", "UK", "United Kingdom", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.co.uk");
    /// <summary>France (<c>A13V1IB3VIYZZH</c>, Europe).</summary>
    public static readonly Marketplace France = New("A13V1IB3VIYZZH", "FR", "France", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.fr");
    /// <summary>Belgium (<c>AMEN7PMS3EDWL</c>, Europe).</summary>
    public static readonly Marketplace Belgium = New("AMEN7PMS3EDWL", "BE", "Belgium", Europe, "sellercentral.amazon.com.be", "vendorcentral.amazon.com.be");
    /// <summary>Netherlands (<c>A1805IZSGTT6HS</c>, Europe).</summary>
    public static readonly Marketplace Netherlands = New("A1805IZSGTT6HS", "NL", "Netherlands", Europe, "sellercentral.amazon.nl", "vendorcentral.amazon.nl");
    /// <summary>Germany (<c>A1PA6795UKMFR9</c>, Europe).</summary>
    public static readonly Marketplace Germany = New("A1PA6795UKMFR9", "DE", "Germany", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.de");
    /// <summary>Italy (<c>APJ6JRA9NG5V4</c>, Europe).</summary>
    public static readonly Marketplace Italy = New("APJ6JRA9NG5V4", "IT", "Italy", Europe, "sellercentral-europe.amazon.com", "vendorcentral.amazon.it");
    /// <summary>Sweden (<c>A2NODRKZP88ZB9</c>, Europe).</summary>
    public static readonly Marketplace Sweden = New("A2NODRKZP88ZB9", "SE", "Sweden", Europe, "sellercentral.amazon.se", "vendorcentral.amazon.se");
    /// <summary>South Africa (<c>AE08WJ6YKNBMC</c>, Europe).</summary>
    public static readonly Marketplace SouthAfrica = New("AE08WJ6YKNBMC", "ZA", "South Africa", Europe, "sellercentral.amazon.co.za", "vendorcentral.amazon.co.za");
    /// <summary>Poland (<c>A1C3SOZRARQ6R3</c>, Europe).</summary>
    public static readonly Marketplace Poland = New("A1C3SOZRARQ6R3", "PL", "Poland", Europe, "sellercentral.amazon.pl", "vendorcentral.amazon.pl");
    /// <summary>Egypt (<c>ARBP9OOSHTCHU</c>, Europe).</summary>
    public static readonly Marketplace Egypt = New("ARBP9OOSHTCHU", "EG", "Egypt", Europe, "sellercentral.amazon.eg", "vendorcentral.amazon.me");
    /// <summary>Turkey (<c>A33AVAJ2PDY3EV</c>, Europe).</summary>
    public static readonly Marketplace Turkey = New("A33AVAJ2PDY3EV", "TR", "Turkey", Europe, "sellercentral.amazon.com.tr", "vendorcentral.amazon.com.tr");
    /// <summary>Saudi Arabia (<c>A17E79C6D8DWNP</c>, Europe).</summary>
    public static readonly Marketplace SaudiArabia = New("A17E79C6D8DWNP", "SA", "Saudi Arabia", Europe, "sellercentral.amazon.sa", "vendorcentral.amazon.me");
    /// <summary>United Arab Emirates (<c>A2VIGQ35RCS4UG</c>, Europe).</summary>
    public static readonly Marketplace UnitedArabEmirates = New("A2VIGQ35RCS4UG", "AE", "United Arab Emirates", Europe, "sellercentral.amazon.ae", "vendorcentral.amazon.me");
    /// <summary>India (<c>A21TJRUUN4KGV</c>, Europe).</summary>
    public static readonly Marketplace India = New("A21TJRUUN4KGV", "IN", "India", Europe, "sellercentral.amazon.in", "www.vendorcentral.in");

    /// <summary>Singapore (<c>A19VAU5U5O7RUS</c>, FarEast).</summary>
    public static readonly Marketplace Singapore = New("A19VAU5U5O7RUS", "SG", "Singapore", FarEast, "sellercentral.amazon.sg", "vendorcentral.amazon.com.sg");
    /// <summary>Australia (<c>A39IBJ37TRP1C6</c>, FarEast).</summary>
    public static readonly Marketplace Australia = New("A39IBJ37TRP1C6", "AU", "Australia", FarEast, "sellercentral.amazon.com.au", "vendorcentral.amazon.com.au");
    /// <summary>Japan (<c>A1VC38T7YXB528</c>, FarEast).</summary>
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
