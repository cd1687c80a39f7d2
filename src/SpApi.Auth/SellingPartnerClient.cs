using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpApi.Auth.Configuration;
using SpApi.Auth.OAuth;
using SpApi.Auth.Sellers;
using SpApi.Auth.Standalone;

namespace SpApi.Auth;

/// <summary>
/// SP-API without a host or DI container (console apps, scripts):
/// <code>
/// using var sp = SellingPartnerClient.Create(new SellingPartnerOptions { ClientId = "…", ClientSecret = "…", RefreshToken = "…" });
/// var orders = sp.Get&lt;IOrdersClient&gt;();
/// </code>
/// It builds the same services and pipeline as <c>AddSellingPartnerApi</c>; dispose it when done. Without a
/// <c>configure</c> callback it needs no DI container: the services are made on first use (fast start-up, see
/// docs/cold-start.md); with one, they live in a DI container the callback can add to.
/// </summary>
public sealed class SellingPartnerClient : IDisposable, IAsyncDisposable
{
    // The DI container or the standalone services: both are disposable, synchronously and asynchronously.
    private readonly IServiceProvider _services;

    private SellingPartnerClient(ServiceProvider services) => _services = services;

    private SellingPartnerClient(StandaloneServices services) => _services = services;

    /// <summary>Validates <paramref name="options"/> (throwing <see cref="OptionsValidationException"/> naming each bad setting) and builds the client.</summary>
    public static SellingPartnerClient Create(SellingPartnerOptions options, Action<SellingPartnerApiBuilder>? configure = null) =>
        Create(options, configure, clients: null);

    internal static SellingPartnerClient Create(SellingPartnerOptions options, Action<SellingPartnerApiBuilder>? configure,
        SpApiClientCatalog? clients)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApplyLocalSandbox();
        new SellingPartnerOptionsValidator(settingPrefix: "").ThrowIfInvalid(options);
        if (configure is not null) return WithContainer(options, configure, clients);
        var services = new StandaloneServices(options, clients ?? SpApiClientCatalog.Generated());
        if (options.PrefetchAccessToken) services.PrefetchDefaultSellerToken();
        return new SellingPartnerClient(services);
    }

    // Apart from Create so that the standalone path does not load the DI container's assembly.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SellingPartnerClient WithContainer(SellingPartnerOptions options, Action<SellingPartnerApiBuilder> configure, SpApiClientCatalog? clients)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOptions<SellingPartnerOptions>>(Options.Create(options));
        var builder = clients is null
            ? services.AddSellingPartnerApi(_ => { })
            : services.AddSellingPartnerApiCore("", clients);
        configure(builder);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new SellingPartnerClient(provider);
    }

    /// <summary>The services behind this client (token cache, registry, …).</summary>
    public IServiceProvider Services => _services;

    /// <summary>A generated client for the default seller, e.g. <c>Get&lt;IOrdersClient&gt;()</c>.</summary>
    public T Get<T>() where T : class
    {
        var catalog = _services.GetRequiredService<SpApiClientCatalog>();
        catalog.ImplementationOf(typeof(T)); // a clear error for a type that is not a generated client
        if (_services.GetService<T>() is { } registered) return registered; // the DI container's typed client
        // The HttpClient is made on the client's first call: the first HttpClient of a process costs ~10-15 ms (.NET's
        // HTTP event source), which would otherwise end Get; when prefetching, the prefetch's thread pays it meanwhile
        // (docs/cold-start.md).
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        return (T)catalog.CreateDeferred(typeof(T), () => factory.CreateClient(SellingPartnerClientFactory.PipelineName));
    }

    /// <summary>Clients for a configured seller.</summary>
    public SellerClients For(string seller) => _services.GetRequiredService<ISellingPartnerClientFactory>().For(seller);

    /// <summary>Registers a seller (e.g. one just authorized) and returns its clients.</summary>
    public SellerClients For(SellerContext seller) => _services.GetRequiredService<ISellingPartnerClientFactory>().For(seller);

    /// <summary>The website authorization workflow (consent URL, state, code exchange).</summary>
    public SellingPartnerAuthorization Authorization => _services.GetRequiredService<SellingPartnerAuthorization>();

    /// <summary>Disposes the services, the pipeline and the token caches.</summary>
    public void Dispose() => ((IDisposable)_services).Dispose();

    /// <summary>Disposes the services, the pipeline and the token caches.</summary>
    public ValueTask DisposeAsync() => ((IAsyncDisposable)_services).DisposeAsync();
}
