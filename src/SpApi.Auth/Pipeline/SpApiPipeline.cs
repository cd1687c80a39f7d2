namespace SpApi.Auth.Pipeline;

/// <summary>
/// The one handler pipeline every generated client sends through. Order, outermost first:
/// <list type="number">
/// <item><description><see cref="PipelineStage.Endpoint"/>: resolves the seller and sends the call to its endpoint (per call, first,
/// so every later stage sees the final seller, host and operation: one bucket per real Amazon quota)</description></item>
/// <item><description><see cref="PipelineStage.Telemetry"/>: one span/log/metric per call (per-call, outside retry)</description></item>
/// <item><description><see cref="PipelineStage.Retry"/>: Polly retry on 429 and safe transient faults (per-call)</description></item>
/// <item><description><see cref="PipelineStage.RateLimit"/>: usage-plan token bucket per seller and operation (per attempt)</description></item>
/// <item><description><see cref="PipelineStage.Auth"/>: LWA / RDT / grantless token and SP-API headers (per attempt)</description></item>
/// <item><description>the transport (HttpClientHandler / SocketsHttpHandler)</description></item>
/// </list>
/// </summary>
public static class SpApiPipeline
{
    /// <summary>The stages in order, outermost first. Tests assert this.</summary>
    public static IReadOnlyList<PipelineStage> Order { get; } =
        [PipelineStage.Endpoint, PipelineStage.Telemetry, PipelineStage.Retry, PipelineStage.RateLimit, PipelineStage.Auth];
}

/// <summary>A stage of <see cref="SpApiPipeline"/>.</summary>
public enum PipelineStage
{
    /// <summary>Seller and endpoint resolution (<see cref="Handlers.SellerEndpointHandler"/>); built by SpApi.Auth.</summary>
    Endpoint,
    /// <summary>Traces, metrics and logs of each call (sees retries and waits).</summary>
    Telemetry,
    /// <summary>Retries 429 and transient failures (Polly).</summary>
    Retry,
    /// <summary>Client-side pacing by the operations' usage plans.</summary>
    RateLimit,
    /// <summary>LWA, RDT or grantless token and SP-API headers (innermost).</summary>
    Auth,
}
