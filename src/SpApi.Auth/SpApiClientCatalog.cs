namespace SpApi.Auth;

/// <summary>The generated client types the factory can create: interface to implementation (each has a ctor taking one HttpClient).</summary>
public sealed class SpApiClientCatalog
{
    private readonly Dictionary<Type, Type> _implementations = [];

    /// <summary>A catalog of generated client interfaces and their implementations.</summary>
    public SpApiClientCatalog(IEnumerable<(Type Interface, Type Implementation)> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        foreach (var (iface, impl) in clients)
        {
            if (!iface.IsAssignableFrom(impl))
                throw new ArgumentException($"{impl.FullName} does not implement {iface.FullName}.", nameof(clients));
            if (impl.GetConstructor([typeof(HttpClient)]) is null)
                throw new ArgumentException($"{impl.FullName} has no public constructor taking one HttpClient.", nameof(clients));
            _implementations[iface] = impl;
            _implementations[impl] = impl;
        }
        Clients = clients.ToArray();
    }

    /// <summary>Every (interface, implementation) pair.</summary>
    public IReadOnlyList<(Type Interface, Type Implementation)> Clients { get; }

    /// <summary>The implementation of a client interface (or the implementation type itself).</summary>
    public Type ImplementationOf(Type clientType) =>
        _implementations.TryGetValue(clientType ?? throw new ArgumentNullException(nameof(clientType)), out var impl)
            ? impl
            : throw new ArgumentException($"{clientType.FullName} is not a generated SP-API client (e.g. SpApi.Orders.V0.IOrdersClient).", nameof(clientType));

    /// <summary>A new client of <paramref name="clientType"/> sending through <paramref name="httpClient"/>.</summary>
    public object Create(Type clientType, HttpClient httpClient) =>
        Activator.CreateInstance(ImplementationOf(clientType), httpClient)!;
}
