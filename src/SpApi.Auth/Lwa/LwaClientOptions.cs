using SpApi.Auth.Endpoints;

namespace SpApi.Auth.Lwa;

/// <summary>Settings of <see cref="LwaClient"/>.</summary>
public sealed class LwaClientOptions
{
    /// <summary>
    /// Token endpoint; Amazon's by default. Must be one of Amazon's LWA hosts (<see cref="SpApiEndpoints.LwaHosts"/>),
    /// a loopback address with <see cref="AllowLoopback"/> (a local sandbox), or an HTTPS host named in <see cref="AllowedHosts"/>.
    /// </summary>
    public Uri Endpoint
    {
        // Amazon's address is parsed only when it is used (a loopback sandbox endpoint set here never needs it).
        get => _endpoint ??= SpApiEndpoints.LwaTokenEndpoint;
        set => _endpoint = value;
    }

    private Uri? _endpoint;

    /// <summary>Lets a loopback <see cref="Endpoint"/> (e.g. <c>http://127.0.0.1:5080/auth/o2/token</c>) receive the client secret.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Further HTTPS hosts the application explicitly trusts with its client secret (e.g. a corporate LWA proxy).</summary>
    public IReadOnlyList<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Waits between attempts after a transport failure or a 5xx from LWA. Its length bounds the retries:
    /// two entries mean at most three attempts. Refusals (4xx) are never retried.
    /// </summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)];

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when <see cref="Endpoint"/> may not receive secrets.</summary>
    public void Validate()
    {
        if (CheckEndpoint(Endpoint, AllowLoopback, AllowedHosts) is { } error)
            throw new ArgumentException($"LwaEndpoint: {error}", nameof(Endpoint));
    }

    /// <summary>Why <paramref name="endpoint"/> may not receive the client secret, or null when it may.</summary>
    public static string? CheckEndpoint(Uri? endpoint, bool allowLoopback, IReadOnlyCollection<string>? allowedHosts)
    {
        if (endpoint is null || !endpoint.IsAbsoluteUri) return "must be an absolute URI.";
        if (!string.IsNullOrEmpty(endpoint.UserInfo)) return "must not carry user information.";
        if (endpoint.IsLoopback)
            return allowLoopback ? null : $"the loopback host {endpoint.Authority} receives the client secret only when AllowLoopbackBaseAddress is true.";
        if (endpoint.Scheme != Uri.UriSchemeHttps) return "must be HTTPS (the client secret is never sent in clear text).";
        if (SpApiEndpoints.IsLwaHost(endpoint)) return null;
        if (allowedHosts?.Contains(endpoint.IdnHost, StringComparer.OrdinalIgnoreCase) == true) return null;
        return $"{endpoint.IdnHost} is not a Login with Amazon host ({string.Join(", ", SpApiEndpoints.LwaHosts)}); " +
               "list it in AllowedLwaHosts to trust it with the client secret.";
    }
}
