using SpApi.Auth.Lwa;
using Microsoft.Extensions.Options;
using SpApi.Auth.Endpoints;
using SpApi.Auth.Handlers;
using SpApi.Auth.Restricted;

namespace SpApi.Auth.Configuration;

/// <summary>
/// Checks <see cref="SellingPartnerOptions"/> at startup. Every failure names the setting by its configuration path
/// (e.g. <c>SellingPartnerApi:ClientSecret</c>) and never quotes a secret.
/// </summary>
public sealed class SellingPartnerOptionsValidator(string settingPrefix = "SellingPartnerApi:") : IValidateOptions<SellingPartnerOptions>
{
    /// <summary>Validates <paramref name="options"/>; the failures name each bad setting by its configuration path.</summary>
    public ValidateOptionsResult Validate(string? name, SellingPartnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Errors(settingPrefix);
        Collect(options, ref errors);
        return errors.List is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.List);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every failure.</summary>
    public void ThrowIfInvalid(SellingPartnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Errors(settingPrefix);
        Collect(options, ref errors);
        if (errors.List is not null)
            throw new OptionsValidationException(Options.DefaultName, typeof(SellingPartnerOptions), errors.List);
    }

    // Straight-line checks, no iterator, LINQ or closures: this runs on every start (SellingPartnerClient.Create), where
    // each of those would cost type loads or JIT compilation (docs/cold-start.md).
    private static void Collect(SellingPartnerOptions o, ref Errors e)
    {
        if (string.IsNullOrWhiteSpace(o.ClientId)) e.Add("ClientId", " is required: the LWA client id of your SP-API application.");
        if (string.IsNullOrWhiteSpace(o.ClientSecret)) e.Add("ClientSecret", " is required: the LWA client secret of your SP-API application.");
        if (string.IsNullOrWhiteSpace(o.RefreshToken) && o.Sellers.Count == 0 && !o.AllowNoSellers)
            e.Add("RefreshToken", $" is required: the seller's LWA refresh token (or configure {e.Setting("Sellers")}, or set {e.Setting("AllowNoSellers")} when sellers are added at run time).");
        if (SellingPartnerOptions.LocalSandboxError(o.LocalSandbox) is { } sandboxError) e.Add("LocalSandbox", " " + sandboxError);
        if (string.IsNullOrWhiteSpace(o.DefaultSellerName)) e.Add("DefaultSellerName", " may not be empty.");

        if (Error(static (region, marketplace) => SellingPartnerSettings.RegionOf(region, marketplace), o.Region, o.MarketplaceId) is { } regionError)
            e.Add(o.MarketplaceId is null ? "Region" : "MarketplaceId", ": " + regionError);
        if (CheckAddress(o.BaseAddress, o.AllowLoopbackBaseAddress) is { } baseError) e.Add("BaseAddress", ": " + baseError);
        if (o.LwaEndpoint is not null && (Uri.TryCreate(o.LwaEndpoint, UriKind.Absolute, out var lwa)
                ? LwaClientOptions.CheckEndpoint(lwa, o.AllowLoopbackBaseAddress, o.AllowedLwaHosts)
                : $"'{o.LwaEndpoint}' is not an absolute URI.") is { } lwaError)
            e.Add("LwaEndpoint", ": " + lwaError);

        foreach (var (sellerName, seller) in o.Sellers)
        {
            var at = $"Sellers:{sellerName}:";
            if (seller is null) { e.Add(at.TrimEnd(':'), " is empty."); continue; }
            if (string.IsNullOrWhiteSpace(seller.RefreshToken)) e.Add(at + "RefreshToken", " is required: the seller's LWA refresh token.");
            if (Error(static (region, marketplace) => SellingPartnerSettings.RegionOf(region, marketplace), seller.Region ?? o.Region, seller.MarketplaceId) is { } sellerRegionError)
                e.Add(at + (seller.MarketplaceId is null ? "Region" : "MarketplaceId"), ": " + sellerRegionError);
            if (CheckAddress(seller.BaseAddress, o.AllowLoopbackBaseAddress) is { } sellerBaseError) e.Add(at + "BaseAddress", ": " + sellerBaseError);
            if (string.IsNullOrWhiteSpace(seller.ClientId) != string.IsNullOrWhiteSpace(seller.ClientSecret))
                e.Add(at + "ClientId", $" and {e.Setting(at + "ClientSecret")} must be given together.");
        }

        if (Error(static (token, _) => UserAgent.ValidateToken(token, "value"), o.AppName) is { } appError) e.Add("AppName", ": " + appError);
        if (o.AppVersion is not null && Error(static (token, _) => UserAgent.ValidateToken(token, "value"), o.AppVersion) is { } versionError) e.Add("AppVersion", ": " + versionError);
        if (o.TokenExpiryMargin < TimeSpan.Zero || o.TokenExpiryMargin >= TimeSpan.FromHours(1))
            e.Add("TokenExpiryMargin", " must be between 0 and 1 hour (LWA tokens live one hour).");
        if (o.RestrictedRoleRefusalMemory <= TimeSpan.Zero) e.Add("RestrictedRoleRefusalMemory", " must be positive.");
        if (o.RestrictedOperationsFile is not null && Error(static (file, _) => RestrictedOperationTable.Load(file!), o.RestrictedOperationsFile) is { } fileError)
            e.Add("RestrictedOperationsFile", ": " + fileError);
        if (o.OAuth.RedirectUri is not null && Error(static (redirect, portal) => OAuth.ConsentUri.ValidateRedirectUri(new Uri(redirect!, UriKind.RelativeOrAbsolute),
                allowLoopback: OAuth.ConsentUri.IsLoopbackPortal(portal)), o.OAuth.RedirectUri, o.OAuth.ConsentPortal) is { } redirectError)
            e.Add("OAuth:RedirectUri", ": " + redirectError);
        if (o.OAuth.ConsentPortal is { } portal && (!Uri.TryCreate(portal, UriKind.Absolute, out var portalUri) || (portalUri.Scheme != Uri.UriSchemeHttps && !portalUri.IsLoopback)))
            e.Add("OAuth:ConsentPortal", $": must be an absolute HTTPS address or a loopback sandbox, got '{portal}'.");
        if (o.OAuth.StateLifetime <= TimeSpan.Zero) e.Add("OAuth:StateLifetime", " must be positive.");
        if (Error(o.RateLimiting.Validate) is { } rateError) e.Add("RateLimiting", ": " + rateError);
        if (Error(o.Retry.Validate) is { } retryError) e.Add("Retry", ": " + retryError);
        if (Error(o.Telemetry.Validate) is { } telemetryError) e.Add("Telemetry", ": " + telemetryError);
    }

    private static string? CheckAddress(string? address, bool allowLoopback)
    {
        if (address is null) return null;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)) return $"'{address}' is not an absolute URI.";
        if (uri.IsLoopback) return allowLoopback ? null : "a loopback address receives tokens only when AllowLoopbackBaseAddress is true.";
        if (uri.Scheme != Uri.UriSchemeHttps) return "must be HTTPS (tokens are never sent in clear text).";
        if (!SpApiEndpoints.IsSpApiHost(uri)) return "must be an SP-API host (sellingpartnerapi-na/eu/fe.amazon.com or their sandbox hosts) or an allowed loopback address.";
        return null;
    }

    // A check that reports by throwing, caught as the message it names (the exceptions its code throws for bad input).
    // Static lambdas with their arguments passed in: no closure is made per check.
    private static string? Error(Action<string?, string?> check, string? value, string? other = null)
    {
        try { check(value, other); return null; }
        catch (Exception e) when (IsSettingError(e)) { return e.Message; }
    }

    private static string? Error(Action validate)
    {
        try { validate(); return null; }
        catch (Exception e) when (IsSettingError(e)) { return e.Message; }
    }

    private static bool IsSettingError(Exception e) =>
        e is ArgumentException or FormatException or IOException or UriFormatException or InvalidOperationException;

    /// <summary>The failures found so far (none: no list), each naming its setting by its configuration path.</summary>
    private struct Errors(string prefix)
    {
        public List<string>? List;

        public readonly string Setting(string setting) => prefix + setting;

        public void Add(string setting, string problem) => (List ??= []).Add(prefix + setting + problem);
    }
}
