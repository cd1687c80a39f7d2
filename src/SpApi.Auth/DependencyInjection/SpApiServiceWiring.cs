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
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;
using SpApi.Auth.Telemetry;
using SpApi.Auth.Tokens;
using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Where <see cref="SpApiServiceWiring"/> puts a singleton: the DI container or the console client's own services.</summary>
internal interface ISpApiSingletons
{
    /// <summary>Adds <typeparamref name="T"/> made by <paramref name="factory"/> on first use, unless <typeparamref name="T"/> is already there.</summary>
    void TryAdd<T>(Func<IServiceProvider, T> factory) where T : class;
}

/// <summary>
/// The one place the SP-API services are wired to each other. <c>AddSellingPartnerApi</c> registers them in a DI
/// container; <c>SellingPartnerClient.Create</c> without a <c>configure</c> callback puts them in a small
/// singleton-only provider (no container, IHttpClientFactory, Options or logging to start). Every factory runs on
/// first use, so a call pays only for what it touches.
/// </summary>
internal static class SpApiServiceWiring
{
    /// <summary>IHttpClientFactory name of the pipeline the RDT calls go through.</summary>
    public const string TokensPipelineName = "SpApi.Tokens";

    /// <summary>IHttpClientFactory name of the client that talks to Login with Amazon.</summary>
    public const string LwaClientName = "SpApi.Lwa";

    public static void AddSingletons(ISpApiSingletons services, SpApiClientCatalog catalog)
    {
        services.TryAdd(_ => TimeProvider.System);
        services.TryAdd(sp => new SellingPartnerSettings(Options(sp)));
        AddTokens(services);
        AddAuthorization(services);
        AddResilience(services);
        services.TryAdd(_ => catalog);
        services.TryAdd<ISellingPartnerClientFactory>(sp => new SellingPartnerClientFactory(sp.GetRequiredService<IHttpMessageHandlerFactory>(),
            sp.GetRequiredService<ISellerRegistry>(), sp.GetRequiredService<SpApiClientCatalog>(), Settings(sp).BaseAddress));
    }

    private static void AddTokens(ISpApiSingletons services)
    {
        services.TryAdd<ITokenCache>(sp => new InMemoryTokenCache(sp.GetRequiredService<TimeProvider>()));
        services.TryAdd(sp => new SingleFlightTokenStore(sp.GetRequiredService<ITokenCache>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAdd<ILwaClient>(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new LwaClient(() => factory.CreateClient(LwaClientName), Settings(sp).Lwa, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<LwaClient>>());
        });
        services.TryAdd<ISellerRegistry>(sp => new SellerRegistry(Settings(sp).Sellers, Settings(sp).DefaultSeller));
        services.TryAdd(sp => Settings(sp).RestrictedOperations);
        services.TryAdd(_ => GrantlessOperationTable.Default);
        services.TryAdd(sp => new SellerEndpointResolver(sp.GetRequiredService<ISellerRegistry>(), sp.GetRequiredService<GrantlessOperationTable>()));
        services.TryAdd(sp => new AccessTokenProvider(sp.GetRequiredService<ILwaClient>(), sp.GetRequiredService<SingleFlightTokenStore>(),
            Settings(sp).Application, Settings(sp).TokenExpiryMargin, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RevokedSellers>()));
        services.TryAdd(sp => new RevokedSellers(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ISellerRegistry>().DefaultSeller));
        services.TryAdd<IRestrictedDataTokenSource>(sp => new TokensApiRestrictedDataTokenSource(
            sp.GetRequiredService<IHttpMessageHandlerFactory>(), TokensPipelineName));
        services.TryAdd(sp => new RestrictedDataTokenProvider(sp.GetRequiredService<IRestrictedDataTokenSource>(),
            sp.GetRequiredService<SingleFlightTokenStore>(), Settings(sp).Application, Settings(sp).TokenExpiryMargin, sp.GetRequiredService<TimeProvider>()));
    }

    private static void AddAuthorization(ISpApiSingletons services)
    {
        // Refusals are remembered per application and seller across handler rotations: one instance per container.
        services.TryAdd(sp => new RestrictedDataFallback(
            new RestrictedRoleRefusals(Settings(sp).AuthHandler.RestrictedRoleRefusalMemory, sp.GetRequiredService<TimeProvider>()),
            sp.GetService<SpApiMetrics>(), sp.GetService<ILoggerFactory>()?.CreateLogger<RestrictedDataFallback>()));
        services.TryAdd<IAuthorizationStateStore>(sp => new InMemoryAuthorizationStateStore(
            sp.GetRequiredService<TimeProvider>(), Options(sp).OAuth.StateLifetime));
        services.TryAdd(sp => new SellingPartnerAuthorization(sp.GetRequiredService<ILwaClient>(), sp.GetRequiredService<IAuthorizationStateStore>(),
            Settings(sp).Application, Options(sp).OAuth));
    }

    /// <summary>The limiter's buckets and the retry budget are singletons: handler chains are rotated by IHttpClientFactory, quotas must not be.</summary>
    private static void AddResilience(ISpApiSingletons services)
    {
        services.TryAdd(sp => new SpApiRateLimiter(Options(sp).RateLimiting, sp.GetRequiredService<TimeProvider>()));
        services.TryAdd(sp => new RetryBudget(Options(sp).Retry, sp.GetRequiredService<TimeProvider>()));
        services.TryAdd(sp => new SpApiMetrics(sp.GetService<IMeterFactory>()));
    }

    /// <summary>
    /// The telemetry, retry and rate-limit stages, on by default (<see cref="SellingPartnerApiBuilder.UseStage"/>
    /// replaces one, <see cref="SellingPartnerApiBuilder.WithoutStage"/> removes one).
    /// </summary>
    public static void UseDefaultStages(SpApiPipelineOptions o) => o
        .Use(PipelineStage.Telemetry, sp => new TelemetryHandler(Options(sp).Telemetry, sp.GetRequiredService<SpApiMetrics>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<TelemetryHandler>>()))
        .Use(PipelineStage.Retry, sp => new RetryHandler(Options(sp).Retry, sp.GetRequiredService<RetryBudget>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<RetryHandler>>()))
        .Use(PipelineStage.RateLimit, sp => new RateLimitHandler(sp.GetRequiredService<SpApiRateLimiter>(), sp.GetService<ILogger<RateLimitHandler>>(),
            sp.GetRequiredService<RevokedSellers>()));

    /// <summary>The auth stage of the SP-API pipeline (<paramref name="withRestrictedDataTokens"/>) or of the Tokens pipeline (LWA only: no recursion into RDTs).</summary>
    public static AuthHandler CreateAuthHandler(IServiceProvider sp, bool withRestrictedDataTokens)
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

    /// <summary>
    /// The SP-API pipeline's HttpClient settings. Retry and the limiter bound a call's time (MaxTotalTime, MaxWait);
    /// HttpClient's 100 s default would cut them short.
    /// </summary>
    public static void ConfigurePipelineClient(IServiceProvider sp, HttpClient client)
    {
        var o = Options(sp);
        client.BaseAddress = Settings(sp).DefaultBaseAddress;
        client.Timeout = o.RateLimiting.MaxWait == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan
            : o.RateLimiting.MaxWait + o.Retry.MaxTotalTime + TimeSpan.FromSeconds(30);
    }

    public static SellingPartnerOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<SellingPartnerOptions>>().Value;

    public static SellingPartnerSettings Settings(IServiceProvider sp) => sp.GetRequiredService<SellingPartnerSettings>();
}
