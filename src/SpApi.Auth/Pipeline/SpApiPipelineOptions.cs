namespace SpApi.Auth.Pipeline;

/// <summary>
/// Factories for the pipeline stages that live outside the auth code (telemetry, retry, rate limit). A stage with
/// no factory is a pass-through. The auth stage is always <see cref="Handlers.AuthHandler"/>, the endpoint stage
/// <see cref="Handlers.SellerEndpointHandler"/> (when a <see cref="Handlers.SellerEndpointResolver"/> is registered).
/// </summary>
public sealed class SpApiPipelineOptions
{
    // Indexed by stage: a dictionary keyed by the enum would be JIT-compiled at start-up even in ReadyToRun builds.
    private readonly Func<IServiceProvider, DelegatingHandler>?[] _factories = new Func<IServiceProvider, DelegatingHandler>?[SpApiPipeline.Order.Count];

    /// <summary>Plugs the handler of <paramref name="stage"/>; called once per handler chain the factory builds.</summary>
    public SpApiPipelineOptions Use(PipelineStage stage, Func<IServiceProvider, DelegatingHandler> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (stage is PipelineStage.Auth or PipelineStage.Endpoint)
            throw new ArgumentException($"The {stage} stage is built by SpApi.Auth and cannot be replaced.", nameof(stage));
        if ((uint)stage >= (uint)_factories.Length) throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown pipeline stage.");
        _factories[(int)stage] = factory;
        return this;
    }

    /// <summary>True when a handler was plugged for <paramref name="stage"/>.</summary>
    public bool IsPlugged(PipelineStage stage) => (uint)stage < (uint)_factories.Length && _factories[(int)stage] is not null;

    /// <summary>The handler for a non-auth stage: the plugged one, or a pass-through.</summary>
    public DelegatingHandler Create(PipelineStage stage, IServiceProvider services) =>
        (uint)stage < (uint)_factories.Length && _factories[(int)stage] is { } factory
            ? factory(services) ?? throw new InvalidOperationException($"The {stage} stage factory returned null.")
            : new PassThroughHandler(stage);
}
