namespace SpApi.Cli.Bench.StandIn;

/// <summary>
/// STAND-IN for the SpApi.Auth handler pipeline, used until the auth and resilience branches are merged:
/// Telemetry -> Retry -> RateLimit -> Auth -> transport (the order of SpApiPipeline), each stage doing
/// the per-call work of the real one on the happy path (cached token, ample quota, no retry).
/// </summary>
internal static class StandInPipeline
{
    /// <summary>Shown in reports so nobody mistakes stand-in figures for the real pipeline's.</summary>
    public const string Label = "stand-in pipeline (SpApi.Auth not merged yet)";

    /// <summary>Builds the chain over <paramref name="transport"/>; disposing the result disposes the transport too.</summary>
    public static DelegatingHandler Create(HttpMessageHandler transport, TimeProvider time) =>
        new StandInTelemetryHandler(time)
        {
            InnerHandler = new StandInRetryHandler(time)
            {
                InnerHandler = new StandInRateLimitHandler
                {
                    InnerHandler = new StandInAuthHandler("Atza|bench-cached-access-token", time) { InnerHandler = transport },
                },
            },
        };
}
