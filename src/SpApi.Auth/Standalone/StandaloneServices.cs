using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tokens;

namespace SpApi.Auth.Standalone;

/// <summary>
/// The services of a <see cref="SellingPartnerClient"/> created without a <c>configure</c> callback: the singletons
/// of <see cref="SpApiServiceWiring"/>, each made on first use, and <see cref="StandaloneHttp"/> for the pipelines.
/// A console app or a function then starts without a DI container, IHttpClientFactory, Options or logging
/// (each costs start-up time, mostly JIT, and none is needed to make a call).
/// </summary>
internal sealed class StandaloneServices : IServiceProvider, IDisposable, IAsyncDisposable
{
    private readonly Dictionary<Type, Func<IServiceProvider, object>> _factories = [];
    private readonly Dictionary<Type, object> _instances = [];
    private readonly List<IDisposable> _created = [];
    private readonly StandaloneHttp _http;
    private readonly object _sync = new();
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    public StandaloneServices(SellingPartnerOptions options, SpApiClientCatalog catalog)
    {
        _http = new StandaloneHttp(this);
        _instances[typeof(IServiceProvider)] = this;
        _instances[typeof(IOptions<SellingPartnerOptions>)] = Options.Create(options);
        _instances[typeof(IHttpClientFactory)] = _http;
        _instances[typeof(IHttpMessageHandlerFactory)] = _http;
        SpApiServiceWiring.AddSingletons(new Singletons(_factories), catalog);
    }

    /// <summary>The registered or already made service of <paramref name="serviceType"/>; null when there is none (e.g. loggers).</summary>
    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        // Factories resolve their dependencies through here: the monitor is re-entrant, and each singleton is made once.
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_instances.TryGetValue(serviceType, out var service)) return service;
            if (!_factories.TryGetValue(serviceType, out var factory)) return null;
            service = factory(this);
            _instances[serviceType] = service;
            if (service is IDisposable disposable) _created.Add(disposable);
            return service;
        }
    }

    /// <summary>The pipelines and transport (tests look at what was built).</summary>
    internal StandaloneHttp Http => _http;

    /// <summary>The background token exchange <see cref="PrefetchDefaultSellerToken"/> started (tests wait for it); null when none.</summary>
    internal Task? Prefetch { get; private set; }

    /// <summary>
    /// Starts the default seller's LWA exchange on the thread pool (<see cref="SellingPartnerOptions.PrefetchAccessToken"/>):
    /// the first call finds the token cached or joins the exchange in flight (single flight), so the LWA round trip
    /// overlaps the rest of start-up. Failures end here unreported: the first call reports them (it makes its own attempt,
    /// or fails at once with the recorded refusal after an <c>invalid_grant</c>, see <see cref="RevokedSellers"/>).
    /// </summary>
    public void PrefetchDefaultSellerToken() =>
        // A thread of its own rather than the thread pool: starting the pool's first workers costs the caller a few
        // milliseconds of its start-up; the exchange's continuations still run on the pool, off the caller's path.
        Prefetch = Task.Factory.StartNew(PrefetchAsync, CancellationToken.None,
            TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default).Unwrap();

    private async Task PrefetchAsync()
    {
        try
        {
            var sellers = this.GetRequiredService<ISellerRegistry>();
            if (sellers.DefaultSeller is not { } name || !sellers.TryGet(name, out var seller)) return;
            await this.GetRequiredService<AccessTokenProvider>().GetSellerTokenAsync(seller, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Deliberately unreported (see above); a disposed client also ends here.
        }
    }

    /// <summary>Disposes what was made here, last made first (as a DI container does), then the pipelines and transport.</summary>
    public void Dispose()
    {
        IDisposable[] created;
        lock (_sync)
        {
            if (_disposed) return;
            _disposed = true;
            created = [.. _created];
        }
        _stopping.Cancel(); // a prefetch still waiting gives up
        for (var i = created.Length - 1; i >= 0; i--) created[i].Dispose();
        _http.Dispose();
        _stopping.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    private sealed class Singletons(Dictionary<Type, Func<IServiceProvider, object>> factories) : ISpApiSingletons
    {
        public void TryAdd<T>(Func<IServiceProvider, T> factory) where T : class => factories.TryAdd(typeof(T), factory);
    }
}
