namespace SpApi.Auth;

/// <summary>
/// Settings of the SP-API client, usually bound from the <c>SellingPartnerApi</c> configuration section.
/// Validated at startup; errors name the setting.
/// </summary>
public sealed class SellingPartnerOptions
{
    /// <summary>The conventional configuration section name.</summary>
    public const string SectionName = "SellingPartnerApi";

    /// <summary>LWA client id of the SP-API application (required).</summary>
    public string? ClientId { get; set; }

    /// <summary>LWA client secret of the SP-API application (required).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Refresh token of the default seller. Required unless <see cref="Sellers"/> or <see cref="AllowNoSellers"/> is set.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Region of the default seller: NA, EU or FE (default NA). Ignored when <see cref="MarketplaceId"/> is set.</summary>
    public string Region { get; set; } = "NA";

    /// <summary>A marketplace id of the default seller; its region is used.</summary>
    public string? MarketplaceId { get; set; }

    /// <summary>Call Amazon's sandbox hosts.</summary>
    public bool Sandbox { get; set; }

    /// <summary>Overrides the SP-API endpoint for every seller without its own (e.g. the local sandbox server).</summary>
    public string? BaseAddress { get; set; }

    /// <summary>Must be true for a loopback (e.g. <c>http://127.0.0.1:5080</c>) base address or LWA endpoint to receive tokens.</summary>
    public bool AllowLoopbackBaseAddress { get; set; }

    /// <summary>Name of the seller made from <see cref="RefreshToken"/>.</summary>
    public string DefaultSellerName { get; set; } = "default";

    /// <summary>Further sellers by name (many sellers in one process).</summary>
    public Dictionary<string, SellerOptions> Sellers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Start with no seller: they are added at run time (OAuth) or only grantless operations are called.</summary>
    public bool AllowNoSellers { get; set; }

    /// <summary>
    /// LWA token endpoint (default Amazon's). Must be on one of Amazon's LWA hosts (api.amazon.com, api.amazon.co.uk,
    /// api.amazon.co.jp), a loopback address with <see cref="AllowLoopbackBaseAddress"/>, or a host in <see cref="AllowedLwaHosts"/>.
    /// </summary>
    public string? LwaEndpoint { get; set; }

    /// <summary>HTTPS hosts other than Amazon's LWA hosts that the application explicitly trusts with its client secret.</summary>
    public List<string> AllowedLwaHosts { get; set; } = [];

    /// <summary>Application name for the user-agent header.</summary>
    public string AppName { get; set; } = "SpApi";

    /// <summary>Application version for the user-agent header (default: this library's version).</summary>
    public string? AppVersion { get; set; }

    /// <summary>
    /// <see cref="SellingPartnerClient.Create(SellingPartnerOptions, System.Action{Microsoft.Extensions.DependencyInjection.SellingPartnerApiBuilder})"/>
    /// without a <c>configure</c> callback starts the default seller's LWA token exchange in the background (default
    /// true), so its round trip overlaps the rest of start-up and the first call joins it instead of starting it.
    /// A failure is not reported there: the first call that needs the token reports it. Nothing is fetched when there is
    /// no default seller, and <c>AddSellingPartnerApi</c> (hosted apps, which start long before their first call) never prefetches.
    /// </summary>
    public bool PrefetchAccessToken { get; set; } = true;

    /// <summary>Tokens are renewed this long before Amazon's <c>expires_in</c> runs out (default 5 minutes).</summary>
    public TimeSpan TokenExpiryMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Obtain RDTs automatically (default true) for operations that exist only for personal data (e.g. getOrderAddress);
    /// for operations Amazon also answers with the LWA token (getOrders, getOrder, getOrderItems) only together with
    /// <see cref="HasRestrictedRoles"/>. False: an RDT only when a call asks for one. See docs/restricted-data.md.
    /// </summary>
    public bool AutomaticRestrictedDataTokens { get; set; } = true;

    /// <summary>
    /// The application holds the restricted roles (e.g. Direct-to-Consumer Delivery, Tax Invoicing): calls to operations
    /// Amazon also answers with the LWA token then get an RDT with the table's data elements, so they return personal
    /// data. Default false: those calls use the LWA token unless they ask for data elements.
    /// </summary>
    public bool HasRestrictedRoles { get; set; }

    /// <summary>How long a refusal of an automatic RDT for lack of roles is remembered per application and seller (default 1 hour).</summary>
    public TimeSpan RestrictedRoleRefusalMemory { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A JSON file replacing the built-in restricted operations table.</summary>
    public string? RestrictedOperationsFile { get; set; }

    /// <summary>Website authorization workflow settings.</summary>
    public SellingPartnerOAuthOptions OAuth { get; set; } = new();

    /// <summary>Usage-plan pacing (<c>SellingPartnerApi:RateLimiting</c>); on by default.</summary>
    public SpApi.Auth.RateLimiting.RateLimitHandlerOptions RateLimiting { get; set; } = new();

    /// <summary>Retry on 429 and safe transient faults (<c>SellingPartnerApi:Retry</c>); on by default.</summary>
    public SpApi.Auth.Resilience.RetryHandlerOptions Retry { get; set; } = new();

    /// <summary>Metrics, spans and log events per call (<c>SellingPartnerApi:Telemetry</c>); on by default.</summary>
    public SpApi.Auth.Telemetry.TelemetryHandlerOptions Telemetry { get; set; } = new();

    /// <summary>
    /// Points everything at a local sandbox (<c>spapi sandbox serve</c> or an in-process <c>SandboxServer</c>) in one
    /// setting: <c>"LocalSandbox": "http://127.0.0.1:8500/"</c>. Sets <see cref="BaseAddress"/>, <see cref="LwaEndpoint"/>,
    /// <see cref="AllowLoopbackBaseAddress"/> and the consent page (<see cref="SellingPartnerOAuthOptions.ConsentPortal"/>),
    /// replacing values set for them. Must be a loopback address.
    /// </summary>
    public string? LocalSandbox { get; set; }

    /// <summary>Sets <see cref="LocalSandbox"/> and applies it at once (see there). Returns this instance.</summary>
    public SellingPartnerOptions UseLocalSandbox(Uri sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        if (LocalSandboxError(sandbox.ToString()) is { } error) throw new ArgumentException(error, nameof(sandbox));
        LocalSandbox = sandbox.ToString();
        ApplyLocalSandbox();
        return this;
    }

    /// <summary>Applies a valid <see cref="LocalSandbox"/> (an invalid one is left for the validator to name).</summary>
    internal void ApplyLocalSandbox()
    {
        if (LocalSandbox is null || LocalSandboxError(LocalSandbox) is not null) return;
        var root = new Uri(new Uri(LocalSandbox).GetLeftPart(UriPartial.Authority) + "/");
        BaseAddress = root.ToString();
        LwaEndpoint = new Uri(root, "auth/o2/token").ToString();
        AllowLoopbackBaseAddress = true;
        OAuth.ConsentPortal = root.ToString();
    }

    internal static string? LocalSandboxError(string? address) =>
        address is null || (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            ? null
            : $"must be an absolute http(s) loopback address such as http://127.0.0.1:8500/, got '{address}'.";

    /// <summary>Never prints secrets.</summary>
    public override string ToString() =>
        $"SellingPartnerOptions {{ ClientId = {ClientId}, ClientSecret = ***, RefreshToken = ***, Region = {Region}, Sellers = [{string.Join(", ", Sellers.Keys)}] }}";
}

/// <summary>One configured seller (<c>SellingPartnerApi:Sellers:&lt;name&gt;</c>).</summary>
public sealed class SellerOptions
{
    /// <summary>The seller's refresh token (required).</summary>
    public string? RefreshToken { get; set; }

    /// <summary>NA, EU or FE; defaults to the application's region. Ignored when <see cref="MarketplaceId"/> is set.</summary>
    public string? Region { get; set; }

    /// <summary>A marketplace id of the seller; its region is used.</summary>
    public string? MarketplaceId { get; set; }

    /// <summary>Overrides the endpoint for this seller.</summary>
    public string? BaseAddress { get; set; }

    /// <summary>LWA client id when this seller authorized a different application.</summary>
    public string? ClientId { get; set; }

    /// <summary>LWA client secret paired with <see cref="ClientId"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Never prints the refresh token.</summary>
    public override string ToString() => $"SellerOptions {{ RefreshToken = ***, Region = {Region}, MarketplaceId = {MarketplaceId} }}";
}

/// <summary>Website authorization workflow settings (<c>SellingPartnerApi:OAuth</c>).</summary>
public sealed class SellingPartnerOAuthOptions
{
    /// <summary>The application id (amzn1.sp.solution…) shown in the consent page URL.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Where Amazon sends the partner back; must be HTTPS and registered with the app.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Adds <c>version=beta</c> to authorize a draft application.</summary>
    public bool Beta { get; set; }

    /// <summary>
    /// Replaces the marketplace's Seller Central / Vendor Central address in consent URLs (set by
    /// <see cref="SellingPartnerOptions.LocalSandbox"/>: the sandbox plays Seller Central). HTTPS, or a loopback
    /// address; with a loopback portal an http loopback <see cref="RedirectUri"/> is accepted too (local development).
    /// </summary>
    public string? ConsentPortal { get; set; }

    /// <summary>How long an issued <c>state</c> stays valid (default 10 minutes).</summary>
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
