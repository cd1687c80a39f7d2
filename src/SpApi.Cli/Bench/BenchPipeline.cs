using SpApi.Auth.RateLimiting;
using SpApi.Auth.Resilience;
using SpApi.Auth.Telemetry;
using SpApi.Cli.Bench.StandIn;
using SpApi.Runtime;

namespace SpApi.Cli.Bench;

/// <summary>
/// The handler pipeline the "pipeline" scenarios send through, in SpApiPipeline's order: the real
/// Telemetry, Retry and RateLimit handlers of SpApi.Auth, and a stand-in for the Auth stage until the auth
/// branch is merged (the one place to swap it).
/// </summary>
internal static class BenchPipeline
{
    /// <summary>What the pipeline scenarios measure, printed with every result.</summary>
    public static string Label =>
        "SpApi.Auth TelemetryHandler (spans and metrics collected) -> RetryHandler -> RateLimitHandler (ample plan) -> " +
        StandInPipeline.Label;

    /// <summary>A short tag for tables.</summary>
    public static string Kind => "real + stand-in auth";

    /// <summary>A plan no benchmark can exhaust (the bucket refills far faster than calls come).</summary>
    public static readonly UsagePlan AmplePlan = new(1_000_000_000, 1_000_000);

    /// <summary>
    /// Builds the chain over <paramref name="transport"/> with the given <paramref name="stages"/> (all by default) and,
    /// when <paramref name="collectTelemetry"/>, a listener collecting its spans and metrics. Disposing the result
    /// disposes the chain, what its stages share and the transport.
    /// </summary>
    public static HttpMessageHandler Create(HttpMessageHandler transport, TimeProvider time,
        PipelineStages stages = PipelineStages.All, bool collectTelemetry = true)
    {
        var owned = new List<IDisposable>();
        HttpMessageHandler chain = transport;
        if (stages.HasFlag(PipelineStages.Auth))
            chain = StandInPipeline.CreateAuth(chain, time);
        if (stages.HasFlag(PipelineStages.RateLimit))
        {
            var limiter = new SpApiRateLimiter(AmpleLimits(), time);
            owned.Add(limiter);
            chain = new RateLimitHandler(limiter) { InnerHandler = chain };
        }
        if (stages.HasFlag(PipelineStages.Retry))
            chain = new RetryHandler(new RetryHandlerOptions(), budget: null, time) { InnerHandler = chain };
        if (stages.HasFlag(PipelineStages.Telemetry))
        {
            var metrics = new SpApiMetrics();
            owned.Add(metrics);
            if (collectTelemetry) owned.Add(new TelemetryCollector());
            chain = new TelemetryHandler(new TelemetryHandlerOptions(), metrics, time) { InnerHandler = chain };
        }
        return new OwningHandler(chain, owned);
    }

    private static RateLimitHandlerOptions AmpleLimits() => new()
    {
        DefaultPlan = AmplePlan,
        PlanOverrides = new Dictionary<string, UsagePlan>
        {
            ["getMarketplaceParticipations"] = AmplePlan,
            ["getOrders"] = AmplePlan,
        },
        // The canned responses carry SP-API's real x-amzn-RateLimit-Limit (0.0167/s): adopting it would
        // throttle the benchmark after the burst, which is not what is measured here.
        AdoptRateLimitHeader = false,
    };

    /// <summary>Passes calls through; on dispose also disposes what the stages share.</summary>
    private sealed class OwningHandler(HttpMessageHandler inner, IReadOnlyList<IDisposable> owned) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
                foreach (var o in owned) o.Dispose();
        }
    }
}

/// <summary>Stages of <see cref="BenchPipeline"/>, to measure them one by one.</summary>
[Flags]
internal enum PipelineStages
{
    None = 0,
    Auth = 1,
    RateLimit = 2,
    Retry = 4,
    Telemetry = 8,
    All = Auth | RateLimit | Retry | Telemetry,
}
