using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpApi.Auth;
using SpApi.Auth.Configuration;
using SpApi.Auth.Grantless;
using SpApi.Auth.Handlers;
using SpApi.Auth.Lwa;
using SpApi.Auth.OAuth;
using SpApi.Auth.Pipeline;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Resilience;
using SpApi.Auth.Telemetry;
using System.Diagnostics.Metrics;
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SP-API clients and their auth pipeline.</summary>
public static class SellingPartnerServiceCollectionExtensions
{
    /// <summary>IHttpClientFactory name of the pipeline the RDT calls go through (LWA auth only, never an RDT).</summary>
    public const string TokensPipelineName = "SpApi.Tokens";

    /// <summary>IHttpClientFactory name of the client that talks to Login with Amazon.</summary>
    public const string LwaClientName = "SpApi.Lwa";

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
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SellingPartnerSettings(sp.GetRequiredService<IOptions<SellingPartnerOptions>>().Value));

        AddTokens(services);
        AddAuthorization(services);
        AddResilience(services);
        AddPipelines(services);
        AddClients(services, clients);
        return new SellingPartnerApiBuilder(services);
    }

    private static void AddTokens(IServiceCollection services)
    {
        // LWA never redirects, and following one would re-post the client secret and refresh token elsewhere.
        services.AddHttpClient(LwaClientName)
            .ConfigurePrimaryHttpMessageHandler(NoRedirects.Apply)
            .RemoveAllLoggers();
        services.TryAddSingleton<ITokenCache>(sp => new InMemoryTokenCache(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SingleFlightTokenStore(sp.GetRequiredService<ITokenCache>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ILwaClient>(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new LwaClient(() => factory.CreateClient(LwaClientName), Settings(sp).Lwa, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<LwaClient>>());
        });
        services.TryAddSingleton<ISellerRegistry>(sp => new SellerRegistry(Settings(sp).Sellers, Settings(sp).DefaultSeller));
        services.TryAddSingleton(sp => Settings(sp).RestrictedOperations);
        services.TryAddSingleton(GrantlessOperationTable.Default);
        services.TryAddSingleton(sp => new SellerEndpointResolver(sp.GetRequiredService<ISellerRegistry>(), sp.GetRequiredService<GrantlessOperationTable>()));
        services.TryAddSingleton(sp => new AccessTokenProvider(sp.GetRequiredService<ILwaClient>(), sp.GetRequiredService<SingleFlightTokenStore>(),
            Settings(sp).Application, Settings(sp).TokenExpiryMargin, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RevokedSellers>()));
        services.TryAddSingleton(sp => new RevokedSellers(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ISellerRegistry>().DefaultSeller));
        services.TryAddSingleton<IRestrictedDataTokenSource>(sp => new TokensApiRestrictedDataTokenSource(
            sp.GetRequiredService<IHttpMessageHandlerFactory>(), TokensPipelineName));
        services.TryAddSingleton(sp => new RestrictedDataTokenProvider(sp.GetRequiredService<IRestrictedDataTokenSource>(),
            sp.GetRequiredService<SingleFlightTokenStore>(), Settings(sp).Application, Settings(sp).TokenExpiryMargin, sp.GetRequiredService<TimeProvider>()));
    }

    private static void AddAuthorization(IServiceCollection services)
    {
        // Refusals are remembered per application and seller across handler rotations: one instance per container.
        services.TryAddSingleton(sp => new RestrictedDataFallback(
            new RestrictedRoleRefusals(Settings(sp).AuthHandler.RestrictedRoleRefusalMemory, sp.GetRequiredService<TimeProvider>()),
            sp.GetService<SpApiMetrics>(), sp.GetService<ILoggerFactory>()?.CreateLogger<RestrictedDataFallback>()));
        services.TryAddSingleton<IAuthorizationStateStore>(sp => new InMemoryAuthorizationStateStore(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SellingPartnerOptions>>().Value.OAuth.StateLifetime));
        services.TryAddSingleton(sp => new SellingPartnerAuthorization(sp.GetRequiredService<ILwaClient>(), sp.GetRequiredService<IAuthorizationStateStore>(),
            Settings(sp).Application, sp.GetRequiredService<IOptions<SellingPartnerOptions>>().Value.OAuth));
    }

    /// <summary>
    /// The telemetry, retry and rate-limit stages, on by default (<see cref="SellingPartnerApiBuilder.UseStage"/>
    /// replaces one, <see cref="SellingPartnerApiBuilder.WithoutStage"/> removes one). The limiter's buckets and the
    /// retry budget are singletons: handler chains are rotated by IHttpClientFactory, quotas must not be.
    /// </summary>
    private static void AddResilience(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new SpApiRateLimiter(Options(sp).RateLimiting, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new RetryBudget(Options(sp).Retry, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SpApiMetrics(sp.GetService<IMeterFactory>()));
        services.Configure<SpApiPipelineOptions>(o => o
            .Use(PipelineStage.Telemetry, sp => new TelemetryHandler(Options(sp).Telemetry, sp.GetRequiredService<SpApiMetrics>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<TelemetryHandler>>()))
            .Use(PipelineStage.Retry, sp => new RetryHandler(Options(sp).Retry, sp.GetRequiredService<RetryBudget>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<RetryHandler>>()))
            .Use(PipelineStage.RateLimit, sp => new RateLimitHandler(sp.GetRequiredService<SpApiRateLimiter>(), sp.GetService<ILogger<RateLimitHandler>>(),
                sp.GetRequiredService<RevokedSellers>())));
    }

    // Retry and the limiter bound a call's time (MaxTotalTime, MaxWait); HttpClient's 100 s default would cut them short.
    private static TimeSpan CallTimeout(IServiceProvider sp) =>
        Options(sp).RateLimiting.MaxWait == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan
            : Options(sp).RateLimiting.MaxWait + Options(sp).Retry.MaxTotalTime + TimeSpan.FromSeconds(30);

    private static SellingPartnerOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<SellingPartnerOptions>>().Value;

    /// <summary>
    /// IHttpClientFactory's default loggers are removed from these clients: their header redaction changes only the
    /// formatted message, while the structured state of the request/response-headers events keeps the raw
    /// x-amz-access-token (exported as is by OpenTelemetry, Serilog, Seq). The pipeline's TelemetryHandler logs
    /// each call instead, with no header values.
    /// </summary>
    private static void AddPipelines(IServiceCollection services)
    {
        services.AddHttpClient(SellingPartnerClientFactory.PipelineName)
            .ConfigureHttpClient((sp, client) => { client.BaseAddress = Settings(sp).DefaultBaseAddress; client.Timeout = CallTimeout(sp); })
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(NoRedirects.Apply)
            .AddSpApiPipeline(sp => CreateAuthHandler(sp, withRestrictedDataTokens: true));
        // RDTs are created through this pipeline, whose auth uses LWA tokens only: no recursion into RDTs.
        services.AddHttpClient(TokensPipelineName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(NoRedirects.Apply)
            .AddSpApiPipeline(sp => CreateAuthHandler(sp, withRestrictedDataTokens: false));
    }

    private static AuthHandler CreateAuthHandler(IServiceProvider sp, bool withRestrictedDataTokens)
    {
        var settings = Settings(sp);
        var selector = new RequestTokenSelector(
            sp.GetRequiredService<AccessTokenProvider>(),
            withRestrictedDataTokens ? sp.GetRequiredService<RestrictedDataTokenProvider>() : null,
            sp.GetRequiredService<SingleFlightTokenStore>(),
            sp.GetRequiredService<RestrictedOperationTable>(),
            sp.GetRequiredService<GrantlessOperationTable>(),
            settings.AuthHandler.AutomaticRestrictedDataTokens,
            settings.AuthHandler.HasRestrictedRoles,
            sp.GetRequiredService<RestrictedDataFallback>());
        return new AuthHandler(settings.AuthHandler, sp.GetRequiredService<ISellerRegistry>(), selector,
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<AuthHandler>>());
    }

    private static void AddClients(IServiceCollection services, SpApiClientCatalog catalog)
    {
        services.TryAddSingleton(catalog);
        services.TryAddSingleton<ISellingPartnerClientFactory>(sp => new SellingPartnerClientFactory(sp.GetRequiredService<IHttpMessageHandlerFactory>(),
            sp.GetRequiredService<ISellerRegistry>(), sp.GetRequiredService<SpApiClientCatalog>(), Settings(sp).BaseAddress));
        catalog.AddTypedClients(services, SellingPartnerClientFactory.PipelineName);
    }

    private static SellingPartnerSettings Settings(IServiceProvider sp) => sp.GetRequiredService<SellingPartnerSettings>();
}
