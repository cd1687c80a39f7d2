using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpApi.Auth.Handlers;

namespace SpApi.Auth.Pipeline;

/// <summary>
/// The one place the SP-API handler chain is put together, in <see cref="SpApiPipeline.Order"/>
/// (endpoint -> telemetry -> retry -> rate limit -> auth -> transport).
/// </summary>
public static class SpApiPipelineBuilder
{
    /// <summary>The stage handlers, outermost first.</summary>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(
        IServiceProvider services, SpApiPipelineOptions stages, Func<IServiceProvider, DelegatingHandler> auth)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(auth);
        var order = SpApiPipeline.Order;
        var handlers = new DelegatingHandler[order.Count];
        for (var i = 0; i < handlers.Length; i++) handlers[i] = CreateStage(order[i], services, stages, auth);
        return handlers;
    }

    /// <summary>Links <paramref name="handlers"/> (outermost first) around <paramref name="transport"/>; returns the outermost.</summary>
    public static HttpMessageHandler Link(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        HttpMessageHandler inner = transport ?? throw new ArgumentNullException(nameof(transport));
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }
        return inner;
    }

    /// <summary>Adds the stages to an IHttpClientFactory client in the documented order.</summary>
    public static IHttpClientBuilder AddSpApiPipeline(this IHttpClientBuilder builder, Func<IServiceProvider, DelegatingHandler> auth)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(auth);
        foreach (var stage in SpApiPipeline.Order)
            builder.AddHttpMessageHandler(sp => CreateStage(stage, sp, sp.GetRequiredService<IOptions<SpApiPipelineOptions>>().Value, auth));
        return builder;
    }

    private static DelegatingHandler CreateStage(PipelineStage stage, IServiceProvider services, SpApiPipelineOptions stages, Func<IServiceProvider, DelegatingHandler> auth) =>
        stage switch
        {
            PipelineStage.Auth => auth(services) ?? throw new InvalidOperationException("The auth handler factory returned null."),
            PipelineStage.Endpoint => services.GetService<SellerEndpointResolver>() is { } resolver
                ? new SellerEndpointHandler(resolver) : new PassThroughHandler(stage),
            _ => stages.Create(stage, services),
        };
}
