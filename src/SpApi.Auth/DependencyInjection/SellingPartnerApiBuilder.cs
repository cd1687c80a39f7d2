using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpApi.Auth;
using SpApi.Auth.Handlers;
using SpApi.Auth.Pipeline;
using SpApi.Auth.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddSellingPartnerApi</c> to plug pipeline stages and swap services.</summary>
public sealed class SellingPartnerApiBuilder
{
    internal SellingPartnerApiBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection <c>AddSellingPartnerApi</c> registered into.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Plugs the handler of a pipeline stage (telemetry, retry or rate limit); unplugged stages pass through.</summary>
    public SellingPartnerApiBuilder UseStage(PipelineStage stage, Func<IServiceProvider, DelegatingHandler> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.Configure<SpApiPipelineOptions>(o => o.Use(stage, factory));
        return this;
    }

    /// <summary>Removes a stage (telemetry, retry or rate limit): requests pass straight through it.</summary>
    public SellingPartnerApiBuilder WithoutStage(PipelineStage stage)
    {
        Services.Configure<SpApiPipelineOptions>(o => o.Use(stage, _ => new PassThroughHandler(stage)));
        return this;
    }

    /// <summary>
    /// Points every client at a local sandbox: base address, LWA endpoint, consent page and the loopback
    /// permission together (see <see cref="SellingPartnerOptions.LocalSandbox"/>).
    /// </summary>
    public SellingPartnerApiBuilder UseLocalSandbox(Uri sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        if (SellingPartnerOptions.LocalSandboxError(sandbox.ToString()) is { } error) throw new ArgumentException(error, nameof(sandbox));
        Services.PostConfigure<SellingPartnerOptions>(o => o.UseLocalSandbox(sandbox));
        return this;
    }

    /// <summary>Shares tokens between processes through the registered <see cref="IDistributedCache"/>.</summary>
    public SellingPartnerApiBuilder UseDistributedTokenCache()
    {
        Services.Replace(ServiceDescriptor.Singleton<ITokenCache>(sp => new DistributedTokenCache(sp.GetRequiredService<IDistributedCache>())));
        return this;
    }

    /// <summary>Replaces the transport under the SP-API and Tokens pipelines (a proxy, a test double, the local sandbox).</summary>
    public SellingPartnerApiBuilder ConfigurePrimaryHandler(Func<IServiceProvider, HttpMessageHandler> transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        // SP-API never redirects: the transport must not follow one (it would carry x-amz-access-token along).
        Services.AddHttpClient(SellingPartnerClientFactory.PipelineName).ConfigurePrimaryHttpMessageHandler(transport).ConfigurePrimaryHttpMessageHandler(NoRedirects.Apply);
        Services.AddHttpClient(SellingPartnerServiceCollectionExtensions.TokensPipelineName).ConfigurePrimaryHttpMessageHandler(transport).ConfigurePrimaryHttpMessageHandler(NoRedirects.Apply);
        return this;
    }

    /// <summary>Replaces the transport used to reach Login with Amazon.</summary>
    public SellingPartnerApiBuilder ConfigureLwaPrimaryHandler(Func<IServiceProvider, HttpMessageHandler> transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Services.AddHttpClient(SellingPartnerServiceCollectionExtensions.LwaClientName).ConfigurePrimaryHttpMessageHandler(transport);
        return this;
    }
}
