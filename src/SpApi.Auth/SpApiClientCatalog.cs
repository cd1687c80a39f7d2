using Microsoft.Extensions.DependencyInjection;
using SpApi.Runtime;

namespace SpApi.Auth;

/// <summary>
/// The client types the factory can create: interface to implementation, with a factory for each. Built from code
/// (the generator emits the registrations of its clients), never by reflection, so start-up stays cheap and trimmable.
/// </summary>
public sealed class SpApiClientCatalog
{
    private readonly Dictionary<Type, Entry> _entries = [];
    private readonly List<Entry> _ordered = [];
    private (Type Interface, Type Implementation)[]? _clients;

    // The generated clients not added yet: a lookup adds the one it needs (loading 66 clients' types at start-up costs
    // time, and a program uses few); listing or copying the catalog adds them all. Guarded by _entries.
    private bool _generatedPending;

    private SpApiClientCatalog()
    {
    }

    /// <summary>A catalog without clients (add your own with <see cref="With{TClient, TImplementation}"/>).</summary>
    public static SpApiClientCatalog Empty { get; } = new();

    /// <summary>Every generated client, from the registrations the generator emits.</summary>
    public static SpApiClientCatalog Generated() => new() { _generatedPending = true };

    /// <summary>A copy that also holds <typeparamref name="TClient"/>, created by <paramref name="create"/> (e.g. a hand-written client).</summary>
    public SpApiClientCatalog With<TClient, TImplementation>(Func<HttpClient, TImplementation> create)
        where TClient : class
        where TImplementation : class, TClient
    {
        ArgumentNullException.ThrowIfNull(create);
        var copy = new SpApiClientCatalog();
        foreach (var entry in All()) copy.Add(entry);
        copy.Add(Registrar.EntryOf<TClient, TImplementation>(create, createDeferred: null));
        return copy;
    }

    /// <summary>Every (interface, implementation) pair.</summary>
    public IReadOnlyList<(Type Interface, Type Implementation)> Clients => _clients ??= All().Select(e => (e.Interface, e.Implementation)).ToArray();

    /// <summary>The implementation of a client interface (or the implementation type itself).</summary>
    public Type ImplementationOf(Type clientType) => Find(clientType).Implementation;

    /// <summary>A new client of <paramref name="clientType"/> sending through <paramref name="httpClient"/>.</summary>
    public object Create(Type clientType, HttpClient httpClient) => Find(clientType).Create(httpClient);

    /// <summary>
    /// A new client of <paramref name="clientType"/> that takes its HttpClient from <paramref name="httpClientSource"/> on its
    /// first call (generated clients), or at once (clients added with <see cref="With{TClient, TImplementation}"/>).
    /// </summary>
    internal object CreateDeferred(Type clientType, Func<HttpClient> httpClientSource)
    {
        var entry = Find(clientType);
        return entry.CreateDeferred is { } deferred ? deferred(httpClientSource) : entry.Create(httpClientSource());
    }

    /// <summary>Registers every client as an IHttpClientFactory typed client over the named pipeline.</summary>
    internal void AddTypedClients(IServiceCollection services, string pipelineName)
    {
        foreach (var entry in All()) entry.Register(services, pipelineName);
    }

    private Entry Find(Type clientType)
    {
        ArgumentNullException.ThrowIfNull(clientType);
        lock (_entries)
        {
            if (_entries.TryGetValue(clientType, out var entry)) return entry;
            // A type of another assembly with a generated client's name is added nowhere: the lookup below still fails.
            if (_generatedPending && clientType.FullName is { } name && SpApi.Clients.GeneratedClientRegistrations.AddOne(name, new Registrar(this))
                && _entries.TryGetValue(clientType, out entry))
                return entry;
        }
        throw new ArgumentException($"{clientType.FullName} is not a generated SP-API client (e.g. SpApi.Orders.V0.IOrdersClient).", nameof(clientType));
    }

    /// <summary>Every entry, in registration order (the generated clients first, in the generator's order).</summary>
    private List<Entry> All()
    {
        lock (_entries)
        {
            if (_generatedPending)
            {
                // Only generated entries can be here (With copies): they are dropped and registered again, all, in the generator's order.
                _generatedPending = false;
                _ordered.Clear();
                _entries.Clear();
                SpApi.Clients.GeneratedClientRegistrations.AddTo(new Registrar(this));
            }
            return [.. _ordered];
        }
    }

    private void Add(Entry entry)
    {
        // A later registration of the same interface replaces the earlier one.
        if (_entries.TryGetValue(entry.Interface, out var old)) _ordered.Remove(old);
        _entries[entry.Interface] = entry;
        _entries[entry.Implementation] = entry;
        _ordered.Add(entry);
        _clients = null;
    }

    private sealed record Entry(Type Interface, Type Implementation, Func<HttpClient, object> Create,
        Func<Func<HttpClient>, object>? CreateDeferred, Action<IServiceCollection, string> Register);

    private sealed class Registrar(SpApiClientCatalog catalog) : IGeneratedClientRegistrar
    {
        public void Add<TClient, TImplementation>(Func<HttpClient, TImplementation> create, Func<Func<HttpClient>, TImplementation> createDeferred)
            where TClient : class
            where TImplementation : class, TClient =>
            catalog.Add(EntryOf<TClient, TImplementation>(create, createDeferred));

        public static Entry EntryOf<TClient, TImplementation>(Func<HttpClient, TImplementation> create, Func<Func<HttpClient>, TImplementation>? createDeferred)
            where TClient : class
            where TImplementation : class, TClient =>
            new(typeof(TClient), typeof(TImplementation), create, createDeferred,
                // All typed clients share the one named pipeline (one connection pool, one set of handlers).
                (services, name) => services.AddHttpClient<TClient, TImplementation>(name, (http, _) => create(http)));
    }
}
