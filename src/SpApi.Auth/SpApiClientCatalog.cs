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

    private SpApiClientCatalog()
    {
    }

    /// <summary>A catalog without clients (add your own with <see cref="With{TClient, TImplementation}"/>).</summary>
    public static SpApiClientCatalog Empty { get; } = new();

    /// <summary>Every generated client, from the registrations the generator emits.</summary>
    public static SpApiClientCatalog Generated()
    {
        var catalog = new SpApiClientCatalog();
        SpApi.Clients.GeneratedClientRegistrations.AddTo(new Registrar(catalog));
        return catalog;
    }

    /// <summary>A copy that also holds <typeparamref name="TClient"/>, created by <paramref name="create"/> (e.g. a hand-written client).</summary>
    public SpApiClientCatalog With<TClient, TImplementation>(Func<HttpClient, TImplementation> create)
        where TClient : class
        where TImplementation : class, TClient
    {
        ArgumentNullException.ThrowIfNull(create);
        var copy = new SpApiClientCatalog();
        foreach (var entry in _ordered) copy.Add(entry);
        new Registrar(copy).Add<TClient, TImplementation>(create);
        return copy;
    }

    /// <summary>Every (interface, implementation) pair.</summary>
    public IReadOnlyList<(Type Interface, Type Implementation)> Clients => _clients ??= _ordered.Select(e => (e.Interface, e.Implementation)).ToArray();

    /// <summary>The implementation of a client interface (or the implementation type itself).</summary>
    public Type ImplementationOf(Type clientType) => Find(clientType).Implementation;

    /// <summary>A new client of <paramref name="clientType"/> sending through <paramref name="httpClient"/>.</summary>
    public object Create(Type clientType, HttpClient httpClient) => Find(clientType).Create(httpClient);

    /// <summary>Registers every client as an IHttpClientFactory typed client over the named pipeline.</summary>
    internal void AddTypedClients(IServiceCollection services, string pipelineName)
    {
        foreach (var entry in _ordered) entry.Register(services, pipelineName);
    }

    private Entry Find(Type clientType) =>
        _entries.TryGetValue(clientType ?? throw new ArgumentNullException(nameof(clientType)), out var entry)
            ? entry
            : throw new ArgumentException($"{clientType.FullName} is not a generated SP-API client (e.g. SpApi.Orders.V0.IOrdersClient).", nameof(clientType));

    private void Add(Entry entry)
    {
        // A later registration of the same interface replaces the earlier one.
        if (_entries.TryGetValue(entry.Interface, out var old)) _ordered.Remove(old);
        _entries[entry.Interface] = entry;
        _entries[entry.Implementation] = entry;
        _ordered.Add(entry);
        _clients = null;
    }

    private sealed record Entry(Type Interface, Type Implementation, Func<HttpClient, object> Create, Action<IServiceCollection, string> Register);

    private sealed class Registrar(SpApiClientCatalog catalog) : IGeneratedClientRegistrar
    {
        public void Add<TClient, TImplementation>(Func<HttpClient, TImplementation> create)
            where TClient : class
            where TImplementation : class, TClient =>
            catalog.Add(new Entry(typeof(TClient), typeof(TImplementation), create,
                // All typed clients share the one named pipeline (one connection pool, one set of handlers).
                (services, name) => services.AddHttpClient<TClient, TImplementation>(name, (http, _) => create(http))));
    }
}
