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
    // Filled by the constructor, only read afterwards (safe to read from any thread).
    private readonly Dictionary<Type, Slot> _slots = [];
    private readonly List<IDisposable> _created = []; // guards itself and _disposed
    private readonly StandaloneHttp _http;
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;

    /// <param name="first">Services registered before SpApi's own (tests: probes of the provider itself).</param>
    public StandaloneServices(SellingPartnerOptions options, SpApiClientCatalog catalog, Action<ISpApiSingletons>? first = null)
    {
        _http = new StandaloneHttp(this);
        _slots[typeof(IServiceProvider)] = Slot.Made(this);
        _slots[typeof(IOptions<SellingPartnerOptions>)] = Slot.Made(Options.Create(options));
        _slots[typeof(IHttpClientFactory)] = Slot.Made(_http);
        _slots[typeof(IHttpMessageHandlerFactory)] = Slot.Made(_http);
        var singletons = new Singletons(_slots);
        first?.Invoke(singletons);
        SpApiServiceWiring.AddSingletons(singletons, catalog);
    }

    /// <summary>The registered or already made service of <paramref name="serviceType"/>; null when there is none (e.g. loggers).</summary>
    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_slots.TryGetValue(serviceType, out var slot)) return null;
        if (Volatile.Read(ref slot.Instance) is { } made) return made;
        // One lock per service, as a DI container has: a thread making one service (the token prefetch builds the
        // token chain) does not hold up another asking for a service already made or unrelated (the first Get).
        // Factories resolve their dependencies through here; the dependencies form no cycle, so neither do the locks
        // (nor with StandaloneHttp's: no factory builds a pipeline, see its lock order).
        lock (slot)
        {
            if (slot.Instance is { } madeMeanwhile) return madeMeanwhile;
            var service = slot.Factory!(this);
            if (service is IDisposable disposable) Track(disposable);
            Volatile.Write(ref slot.Instance, service);
            return service;
        }
    }

    private void Track(IDisposable service)
    {
        lock (_created)
        {
            if (!_disposed)
            {
                _created.Add(service);
                return;
            }
        }
        // Made while the services were being disposed: disposed here, as the rest were.
        service.Dispose();
        ObjectDisposedException.ThrowIf(true, this);
    }

    /// <summary>The pipelines and transport (tests look at what was built).</summary>
    internal StandaloneHttp Http => _http;

    /// <summary>The background token exchange <see cref="PrefetchDefaultSellerToken"/> started (tests wait for it); null when none.</summary>
    internal Task? Prefetch { get; private set; }

    /// <summary>
    /// Starts the default seller's LWA exchange in the background (<see cref="SellingPartnerOptions.PrefetchAccessToken"/>):
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
        lock (_created)
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

    /// <summary>One service: made (Instance) or to be made once by its factory.</summary>
    private sealed class Slot(Func<IServiceProvider, object>? factory)
    {
        public readonly Func<IServiceProvider, object>? Factory = factory;
        public object? Instance;

        public static Slot Made(object instance) => new(null) { Instance = instance };
    }

    private sealed class Singletons(Dictionary<Type, Slot> slots) : ISpApiSingletons
    {
        public void TryAdd<T>(Func<IServiceProvider, T> factory) where T : class => slots.TryAdd(typeof(T), new Slot(factory));
    }
}
