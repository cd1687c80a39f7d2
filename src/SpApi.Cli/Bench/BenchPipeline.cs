using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth;
using SpApi.Auth.Lwa;
using SpApi.Auth.Pipeline;
using SpApi.Auth.RateLimiting;
using SpApi.Runtime;

namespace SpApi.Cli.Bench;

/// <summary>
/// The handler pipeline the "pipeline" scenarios send through: SpApi.Auth's, registered the way an
/// application does (<c>AddSellingPartnerApi</c>, IHttpClientFactory), over the benchmark transport.
/// Telemetry -> Retry -> RateLimit -> Auth, with a cached LWA token, a usage plan no benchmark can exhaust,
/// a retry that never fires and spans and metrics collected by a listener.
/// </summary>
internal sealed class BenchPipeline : IDisposable
{
    /// <summary>What the pipeline scenarios measure, printed with every result.</summary>
    public const string Label =
        "SpApi.Auth pipeline via AddSellingPartnerApi + IHttpClientFactory: Telemetry (spans and metrics collected) -> " +
        "Retry -> RateLimit (ample plan) -> Auth (cached LWA token)";

    /// <summary>A short tag for tables.</summary>
    public const string Kind = "SpApi.Auth";

    /// <summary>A plan no benchmark can exhaust (the bucket refills far faster than calls come).</summary>
    public static readonly UsagePlan AmplePlan = new(1_000_000_000, 1_000_000);

    private readonly ServiceProvider _services;
    private readonly TelemetryCollector? _collector;

    private BenchPipeline(ServiceProvider services, TelemetryCollector? collector, BenchLwaClient lwa)
    {
        _services = services;
        _collector = collector;
        Lwa = lwa;
    }

    /// <summary>The fake LWA endpoint (to check the token is fetched once).</summary>
    public BenchLwaClient Lwa { get; }

    /// <summary>
    /// Registers the pipeline over <paramref name="transport"/> with the optional <paramref name="stages"/> (all by
    /// default; the auth stage is always there) and, when <paramref name="collectTelemetry"/>, a listener collecting
    /// its spans and metrics.
    /// </summary>
    public static BenchPipeline Create(BenchTransport transport, TimeProvider time,
        PipelineStages stages = PipelineStages.All, bool collectTelemetry = true)
    {
        var lwa = new BenchLwaClient();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton<ILwaClient>(lwa);
        var api = services.AddSellingPartnerApi(o =>
        {
            o.ClientId = "amzn1.application-oa2-client.bench";
            o.ClientSecret = "bench-client-secret";
            o.RefreshToken = "Atzr|bench-refresh-token";
            o.BaseAddress = transport.BaseAddress.ToString();
            o.AllowLoopbackBaseAddress = transport.BaseAddress.IsLoopback;
            // The steady state measured is "cached LWA token": no restricted data token for getOrders.
            o.AutomaticRestrictedDataTokens = false;
            o.RateLimiting = AmpleLimits();
        });
        api.ConfigurePrimaryHandler(_ => transport.CreateHandler());
        foreach (var (flag, stage) in Optional)
            if (!stages.HasFlag(flag)) api.WithoutStage(stage);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var collector = collectTelemetry && stages.HasFlag(PipelineStages.Telemetry) ? new TelemetryCollector() : null;
        return new BenchPipeline(provider, collector, lwa);
    }

    /// <summary>An HttpClient over the pipeline, as the typed clients get it from IHttpClientFactory.</summary>
    public HttpClient CreateHttpClient() =>
        _services.GetRequiredService<IHttpClientFactory>().CreateClient(SellingPartnerClientFactory.PipelineName);

    public void Dispose()
    {
        _collector?.Dispose();
        _services.Dispose();
    }

    private static readonly (PipelineStages Flag, PipelineStage Stage)[] Optional =
    [
        (PipelineStages.Telemetry, PipelineStage.Telemetry),
        (PipelineStages.Retry, PipelineStage.Retry),
        (PipelineStages.RateLimit, PipelineStage.RateLimit),
    ];

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
}

/// <summary>The optional stages of <see cref="BenchPipeline"/> (auth is always on), to measure them one by one.</summary>
[Flags]
internal enum PipelineStages
{
    /// <summary>Auth only.</summary>
    None = 0,
    RateLimit = 1,
    Retry = 2,
    Telemetry = 4,
    All = RateLimit | Retry | Telemetry,
}
