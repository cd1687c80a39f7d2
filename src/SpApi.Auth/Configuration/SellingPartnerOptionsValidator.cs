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
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every failure.</summary>
    public void ThrowIfInvalid(SellingPartnerOptions options)
    {
        var result = Validate(Options.DefaultName, options);
        if (result.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(SellingPartnerOptions), result.Failures);
    }

    private IEnumerable<string> Errors(SellingPartnerOptions o)
    {
        string S(string setting) => settingPrefix + setting;

        if (string.IsNullOrWhiteSpace(o.ClientId)) yield return $"{S("ClientId")} is required: the LWA client id of your SP-API application.";
        if (string.IsNullOrWhiteSpace(o.ClientSecret)) yield return $"{S("ClientSecret")} is required: the LWA client secret of your SP-API application.";
        if (string.IsNullOrWhiteSpace(o.RefreshToken) && o.Sellers.Count == 0 && !o.AllowNoSellers)
            yield return $"{S("RefreshToken")} is required: the seller's LWA refresh token (or configure {S("Sellers")}, or set {S("AllowNoSellers")} when sellers are added at run time).";
        if (SellingPartnerOptions.LocalSandboxError(o.LocalSandbox) is { } sandboxError) yield return $"{S("LocalSandbox")} {sandboxError}";
        if (string.IsNullOrWhiteSpace(o.DefaultSellerName)) yield return $"{S("DefaultSellerName")} may not be empty.";

        if (Check(() => SellingPartnerSettings.RegionOf(o.Region, o.MarketplaceId)) is { } regionError)
            yield return $"{S(o.MarketplaceId is null ? "Region" : "MarketplaceId")}: {regionError}";
        if (CheckAddress(o.BaseAddress, o.AllowLoopbackBaseAddress) is { } baseError)
            yield return $"{S("BaseAddress")}: {baseError}";
        if (o.LwaEndpoint is not null && (Uri.TryCreate(o.LwaEndpoint, UriKind.Absolute, out var lwa)
                ? LwaClientOptions.CheckEndpoint(lwa, o.AllowLoopbackBaseAddress, o.AllowedLwaHosts)
                : $"'{o.LwaEndpoint}' is not an absolute URI.") is { } lwaError)
            yield return $"{S("LwaEndpoint")}: {lwaError}";

        foreach (var (sellerName, seller) in o.Sellers)
        {
            var at = $"Sellers:{sellerName}:";
            if (seller is null) { yield return $"{S(at.TrimEnd(':'))} is empty."; continue; }
            if (string.IsNullOrWhiteSpace(seller.RefreshToken)) yield return $"{S(at + "RefreshToken")} is required: the seller's LWA refresh token.";
            if (Check(() => SellingPartnerSettings.RegionOf(seller.Region ?? o.Region, seller.MarketplaceId)) is { } e)
                yield return $"{S(at + (seller.MarketplaceId is null ? "Region" : "MarketplaceId"))}: {e}";
            if (CheckAddress(seller.BaseAddress, o.AllowLoopbackBaseAddress) is { } b)
                yield return $"{S(at + "BaseAddress")}: {b}";
            if (string.IsNullOrWhiteSpace(seller.ClientId) != string.IsNullOrWhiteSpace(seller.ClientSecret))
                yield return $"{S(at + "ClientId")} and {S(at + "ClientSecret")} must be given together.";
        }

        if (Check(() => UserAgent.ValidateToken(o.AppName, "value")) is { } appError) yield return $"{S("AppName")}: {appError}";
        if (o.AppVersion is not null && Check(() => UserAgent.ValidateToken(o.AppVersion, "value")) is { } verError) yield return $"{S("AppVersion")}: {verError}";
        if (o.TokenExpiryMargin < TimeSpan.Zero || o.TokenExpiryMargin >= TimeSpan.FromHours(1))
            yield return $"{S("TokenExpiryMargin")} must be between 0 and 1 hour (LWA tokens live one hour).";
        if (o.RestrictedRoleRefusalMemory <= TimeSpan.Zero) yield return $"{S("RestrictedRoleRefusalMemory")} must be positive.";
        if (o.RestrictedOperationsFile is not null && Check(() => RestrictedOperationTable.Load(o.RestrictedOperationsFile)) is { } fileError)
            yield return $"{S("RestrictedOperationsFile")}: {fileError}";
        if (o.OAuth.RedirectUri is not null && Check(() => OAuth.ConsentUri.ValidateRedirectUri(new Uri(o.OAuth.RedirectUri, UriKind.RelativeOrAbsolute),
                allowLoopback: OAuth.ConsentUri.IsLoopbackPortal(o.OAuth.ConsentPortal))) is { } redirectError)
            yield return $"{S("OAuth:RedirectUri")}: {redirectError}";
        if (o.OAuth.ConsentPortal is { } portal && (!Uri.TryCreate(portal, UriKind.Absolute, out var portalUri) || (portalUri.Scheme != Uri.UriSchemeHttps && !portalUri.IsLoopback)))
            yield return $"{S("OAuth:ConsentPortal")}: must be an absolute HTTPS address or a loopback sandbox, got '{portal}'.";
        if (o.OAuth.StateLifetime <= TimeSpan.Zero) yield return $"{S("OAuth:StateLifetime")} must be positive.";
        if (Check(o.RateLimiting.Validate) is { } rateError) yield return $"{S("RateLimiting")}: {rateError}";
        if (Check(o.Retry.Validate) is { } retryError) yield return $"{S("Retry")}: {retryError}";
        if (Check(o.Telemetry.Validate) is { } telemetryError) yield return $"{S("Telemetry")}: {telemetryError}";
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

    private static string? Check(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or UriFormatException or InvalidOperationException)
        {
            return e.Message;
        }
    }
}
