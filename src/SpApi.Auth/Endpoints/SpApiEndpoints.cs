namespace SpApi.Auth.Endpoints;

/// <summary>SP-API and Login with Amazon addresses, and the rule for which hosts may receive tokens.</summary>
public static class SpApiEndpoints
{
    /// <summary>The Login with Amazon token endpoint (the same for every region).</summary>
    public static readonly Uri LwaTokenEndpoint = new("https://api.amazon.com/auth/o2/token");

    /// <summary>
    /// Amazon's documented Login with Amazon token hosts (NA, EU, FE: <c>https://api.amazon.com/auth/o2/token</c>,
    /// <c>https://api.amazon.co.uk/auth/o2/token</c>, <c>https://api.amazon.co.jp/auth/o2/token</c>). The client secret
    /// and refresh tokens go only to these, unless the application explicitly allows another host.
    /// </summary>
    public static IReadOnlyList<string> LwaHosts { get; } = ["api.amazon.com", "api.amazon.co.uk", "api.amazon.co.jp"];

    /// <summary>True for an HTTPS address on the default port of one of <see cref="LwaHosts"/>.</summary>
    public static bool IsLwaHost(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri && uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort
            && LwaHosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The short code Amazon uses in host names: <c>na</c>, <c>eu</c>, <c>fe</c>.</summary>
    public static string Code(this SpApiRegion region) => region switch
    {
        SpApiRegion.NorthAmerica => "na",
        SpApiRegion.Europe => "eu",
        SpApiRegion.FarEast => "fe",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown SP-API region."),
    };

    /// <summary>Production or sandbox base address of a region, e.g. <c>https://sandbox.sellingpartnerapi-eu.amazon.com/</c>.</summary>
    public static Uri BaseAddress(SpApiRegion region, bool sandbox = false) =>
        new($"https://{(sandbox ? "sandbox." : "")}sellingpartnerapi-{region.Code()}.amazon.com/");

    /// <summary>Parses <c>NA</c>/<c>EU</c>/<c>FE</c> or an enum name (case-insensitive); throws naming the bad value.</summary>
    public static SpApiRegion ParseRegion(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Ordinal comparisons rather than ToUpperInvariant, whose first use loads the culture data: this runs on every start.
        var code = value.AsSpan().Trim();
        if (code.Equals("NA", StringComparison.OrdinalIgnoreCase)) return SpApiRegion.NorthAmerica;
        if (code.Equals("EU", StringComparison.OrdinalIgnoreCase)) return SpApiRegion.Europe;
        if (code.Equals("FE", StringComparison.OrdinalIgnoreCase)) return SpApiRegion.FarEast;
        if (Enum.TryParse<SpApiRegion>(value, ignoreCase: true, out var region) && Enum.IsDefined(region)) return region;
        throw new ArgumentException($"Unknown SP-API region '{value}'. Use NA, EU or FE.", nameof(value));
    }

    /// <summary>
    /// True for the HTTPS hosts of SP-API itself (<c>sellingpartnerapi-xx.amazon.com</c> and their sandbox hosts).
    /// Only these, or an explicitly allowed loopback base address, may receive access tokens.
    /// </summary>
    public static bool IsSpApiHost(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort) return false;
        foreach (SpApiRegion region in Enum.GetValues<SpApiRegion>())
        {
            var host = $"sellingpartnerapi-{region.Code()}.amazon.com";
            if (uri.IdnHost.Equals(host, StringComparison.OrdinalIgnoreCase) ||
                uri.IdnHost.Equals("sandbox." + host, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
