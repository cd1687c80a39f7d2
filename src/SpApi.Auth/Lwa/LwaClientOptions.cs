using SpApi.Auth.Endpoints;

namespace SpApi.Auth.Lwa;

/// <summary>Settings of <see cref="LwaClient"/>.</summary>
public sealed class LwaClientOptions
{
    /// <summary>Token endpoint; Amazon's by default (a local sandbox may emulate it).</summary>
    public Uri Endpoint { get; set; } = SpApiEndpoints.LwaTokenEndpoint;

    /// <summary>
    /// Waits between attempts after a transport failure or a 5xx from LWA. Its length bounds the retries:
    /// two entries mean at most three attempts. Refusals (4xx) are never retried.
    /// </summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)];
}
