using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpApi.Auth;
using SpApi.Auth.Configuration;
using SpApi.Auth.Handlers;
using SpApi.Auth.Pipeline;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SP-API clients and their auth pipeline.</summary>
public static class SellingPartnerServiceCollectionExtensions
{
    /// <summary>IHttpClientFactory name of the pipeline the RDT calls go through (LWA auth only, never an RDT).</summary>
    public const string TokensPipelineName = SpApiServiceWiring.TokensPipelineName;

    /// <summary>IHttpClientFactory name of the client that talks to Login with Amazon.</summary>
    public const string LwaClientName = SpApiServiceWiring.LwaClientName;

    /// <summary>
    /// Registers every generated client as a typed client over the SP-API pipeline, bound from
    /// <paramref name="configuration"/> (e.g. <c>builder.Configuration.GetSection("SellingPartnerApi")</c>).
    /// Options are validated at startup; errors name the setting.
    /// </summary>
    public static SellingPartnerApiBuilder AddSellingPartnerApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SellingPartnerOptions>().Bind(configuration);
        var prefix = configuration is IConfigurationSection section ? section.Path + ":" : "";
        return services.AddSellingPartnerApiCore(prefix, SpApiClientCatalog.Generated());
    }

    /// <summary>Registers every generated client, configured in code.</summary>
    public static SellingPartnerApiBuilder AddSellingPartnerApi(this IServiceCollection services, Action<SellingPartnerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SellingPartnerOptions>().Configure(configure);
        return services.AddSellingPartnerApiCore("", SpApiClientCatalog.Generated());
    }

    internal static SellingPartnerApiBuilder AddSellingPartnerApiCore(
        this IServiceCollection services, string settingPrefix, SpApiClientCatalog clients)
    {
        services.AddOptions<SellingPartnerOptions>().PostConfigure(o => o.ApplyLocalSandbox()).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SellingPartnerOptions>>(new SellingPartnerOptionsValidator(settingPrefix)));
        services.AddOptions<SpApiPipelineOptions>();
        SpApiServiceWiring.AddSingletons(new ContainerSingletons(services), clients);
        // LWA never redirects, and following one would re-post the client secret and refresh token elsewhere.
        services.AddHttpClient(LwaClientName)
            .ConfigurePrimaryHttpMessageHandler(NoRedirects.Apply)
            .RemoveAllLoggers();
        services.Configure<SpApiPipelineOptions>(SpApiServiceWiring.UseDefaultStages);
        AddPipelines(services);
        clients.AddTypedClients(services, SellingPartnerClientFactory.PipelineName);
        return new SellingPartnerApiBuilder(services);
    }

    /// <summary>
    /// IHttpClientFactory's default loggers are removed from these clients: their header redaction changes only the
    /// formatted message, while the structured state of the request/response-headers events keeps the raw
    /// x-amz-access-token (exported as is by OpenTelemetry, Serilog, Seq). The pipeline's TelemetryHandler logs
    /// each call instead, with no header values.
    /// </summary>
    private static void AddPipelines(IServiceCollection services)
    {
        services.AddHttpClient(SellingPartnerClientFactory.PipelineName)
            .ConfigureHttpClient(SpApiServiceWiring.ConfigurePipelineClient)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(NoRedirects.Apply)
            .AddSpApiPipeline(sp => SpApiServiceWiring.CreateAuthHandler(sp, withRestrictedDataTokens: true));
        // RDTs are created through this pipeline, whose auth uses LWA tokens only: no recursion into RDTs.
        services.AddHttpClient(TokensPipelineName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(NoRedirects.Apply)
            .AddSpApiPipeline(sp => SpApiServiceWiring.CreateAuthHandler(sp, withRestrictedDataTokens: false));
    }

    private sealed class ContainerSingletons(IServiceCollection services) : ISpApiSingletons
    {
        public void TryAdd<T>(Func<IServiceProvider, T> factory) where T : class => services.TryAddSingleton(factory);
    }
}
