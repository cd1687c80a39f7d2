namespace SpApi.Auth.Handlers;

/// <summary>
/// A request would have carried an SP-API token to a host that may not receive one: only HTTPS SP-API hosts and
/// explicitly allowed loopback base addresses (the local sandbox) may.
/// </summary>
public sealed class InsecureDestinationException(Uri destination)
    : InvalidOperationException(
        $"Refusing to send SP-API credentials to '{destination.GetLeftPart(UriPartial.Authority)}': tokens go only to HTTPS " +
        "SP-API hosts (sellingpartnerapi-na/eu/fe.amazon.com and their sandbox hosts) or a loopback base address allowed explicitly " +
        "(SellingPartnerApi:AllowLoopbackBaseAddress).")
{
    /// <summary>Scheme, host and port of the refused destination (no path or query).</summary>
    public string Destination { get; } = destination.GetLeftPart(UriPartial.Authority);
}
