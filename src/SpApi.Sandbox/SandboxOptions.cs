using System.Net;
using SpApi.Runtime;
using SpApi.Sandbox.Auth;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Faults;

namespace SpApi.Sandbox;

/// <summary>How a <see cref="SandboxServer"/> behaves. Checked by <see cref="Validate"/> when the server starts.</summary>
public sealed class SandboxOptions
{
    /// <summary>
    /// Directory of the model JSON files whose static cases are served. When neither this nor <see cref="Cases"/> is
    /// set, the models embedded in SpApi.Sandbox at build time (<see cref="PinnedModels"/>) are served.
    /// </summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>An already loaded case catalog (lets tests and the smoke runner share one parse).</summary>
    public SandboxCaseCatalog? Cases { get; set; }

    /// <summary>Usage plans, restricted and grantless flags per operation (the CLI passes <c>SpApiOperationCatalog.Instance</c>).</summary>
    public OperationCatalog Catalog { get; set; } = new([]);

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Address to listen on. Loopback unless you deliberately expose the sandbox.</summary>
    public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Accepted test applications and seller authorisations; <see cref="SandboxCredential.Default"/> when empty.</summary>
    public IList<SandboxCredential> Credentials { get; } = [];

    /// <summary>Lifetime of LWA access tokens (Amazon: one hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of restricted data tokens (Amazon: one hour).</summary>
    public TimeSpan RestrictedDataTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a consent page's <c>spapi_oauth_code</c> can be exchanged (Amazon: five minutes).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Multiplies every usage plan's rate and burst (e.g. 100 for fast test runs).</summary>
    public double RateScale { get; set; } = 1;

    /// <summary>False turns usage plans off (no 429s, no rate-limit header).</summary>
    public bool EnforceUsagePlans { get; set; } = true;

    /// <summary>Seller the consent page authorises; the first credential's seller when null.</summary>
    public string? ConsentSellerId { get; set; }

    /// <summary>Faults to inject from the start; more can be added at run time through <see cref="SandboxServer.Faults"/>.</summary>
    public IList<SandboxFaultRule> Faults { get; } = [];

    /// <summary>Source of all time: token expiry, usage-plan refill, fault latency.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Simulated report, feed and Data Kiosk jobs and the document storage they point at.</summary>
    public Documents.SandboxDocumentOptions Documents { get; set; } = new();

    /// <summary>Data elements and generic-path rules the Tokens API applies to restricted resources.</summary>
    public RestrictedResourceRules RestrictedResources { get; set; } = RestrictedResourceRules.Default;

    /// <summary>
    /// Act as an application without restricted roles: the Tokens API refuses every restricted data token the way Amazon
    /// does (400 InvalidInput, "Application does not have access to one or more requested data elements: [...]").
    /// Operations that also answer an LWA token (Orders v0 getOrders, getOrder, getOrderItems) keep working.
    /// </summary>
    public bool WithoutRestrictedRoles { get; set; }

    internal IReadOnlyList<SandboxCredential> EffectiveCredentials =>
        Credentials.Count > 0 ? Credentials.ToArray() : [SandboxCredential.Default];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (Cases is null && ModelsDirectory is not null && string.IsNullOrWhiteSpace(ModelsDirectory))
            throw new ArgumentException("SandboxOptions.ModelsDirectory is blank: give the directory of the model JSON files, or leave it null to serve the embedded models.", nameof(ModelsDirectory));
        ArgumentNullException.ThrowIfNull(Catalog, nameof(Catalog));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(RestrictedResources, nameof(RestrictedResources));
        ArgumentNullException.ThrowIfNull(ListenAddress, nameof(ListenAddress));
        if (Port is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "SandboxOptions.Port must be 0 (any free port) to 65535.");
        RequirePositive(TokenLifetime, nameof(TokenLifetime));
        RequirePositive(RestrictedDataTokenLifetime, nameof(RestrictedDataTokenLifetime));
        RequirePositive(AuthorizationCodeLifetime, nameof(AuthorizationCodeLifetime));
        if (!(RateScale > 0) || double.IsInfinity(RateScale))
            throw new ArgumentOutOfRangeException(nameof(RateScale), RateScale, "SandboxOptions.RateScale must be a positive finite number.");
        foreach (var c in Credentials)
        {
            if (c is null || string.IsNullOrWhiteSpace(c.ClientId) || string.IsNullOrWhiteSpace(c.ClientSecret)
                || string.IsNullOrWhiteSpace(c.RefreshToken) || string.IsNullOrWhiteSpace(c.SellerId))
                throw new ArgumentException("Every SandboxOptions.Credentials entry needs a client id, client secret, refresh token and seller id.", nameof(Credentials));
        }
        var duplicate = Credentials.GroupBy(c => c.RefreshToken, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two SandboxOptions.Credentials entries share a refresh token (sellers {string.Join(", ", duplicate.Select(c => c.SellerId))}).", nameof(Credentials));
        var clashing = Credentials.GroupBy(c => c.ClientId, StringComparer.Ordinal).FirstOrDefault(g => g.Select(c => c.ClientSecret).Distinct().Count() > 1);
        if (clashing is not null)
            throw new ArgumentException($"SandboxOptions.Credentials give client '{clashing.Key}' different secrets.", nameof(Credentials));
        foreach (var rule in Faults)
            rule.Validate();
        ArgumentNullException.ThrowIfNull(Documents, nameof(Documents));
        Documents.Validate();
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, $"SandboxOptions.{name} must be positive.");
    }
}
