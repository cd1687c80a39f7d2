namespace SpApi.Auth.Handlers;

/// <summary>
/// The first stage of the SP-API pipeline (<see cref="Pipeline.PipelineStage.Endpoint"/>): resolves the seller and
/// its endpoint once per call, before telemetry, retry and rate limiting, so they tag, retry and pace the call
/// under the seller and host it really goes to (one bucket per real Amazon quota).
/// </summary>
public sealed class SellerEndpointHandler(SellerEndpointResolver resolver) : DelegatingHandler
{
    private readonly SellerEndpointResolver _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));

    /// <summary>Names the seller and moves the request to its endpoint, then sends it on.</summary>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _resolver.Resolve(request);
        return base.SendAsync(request, cancellationToken);
    }
}
