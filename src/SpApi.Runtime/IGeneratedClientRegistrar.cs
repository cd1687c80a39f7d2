namespace SpApi.Runtime;

/// <summary>
/// Receives every generated client with a factory for it (<c>SpApi.Clients.GeneratedClientRegistrations.AddTo</c>).
/// Emitted by the generator so that start-up registers 66 clients with plain calls instead of reflection
/// (<c>MakeGenericMethod</c>, <c>Activator</c>), which costs tens of milliseconds in a fresh process.
/// </summary>
public interface IGeneratedClientRegistrar
{
    /// <summary>
    /// One client: its interface, its implementation, how to create it over an HttpClient (<paramref name="create"/>)
    /// and how to create it over an HttpClient made on its first call (<paramref name="createDeferred"/>). A client made
    /// by <paramref name="createDeferred"/> may call its source more than once when first calls race; it keeps the
    /// HttpClient stored first and drops the others undisposed, so the source should return HttpClients that do not
    /// own their handler (as IHttpClientFactory's do).
    /// </summary>
    void Add<TClient, TImplementation>(Func<HttpClient, TImplementation> create, Func<Func<HttpClient>, TImplementation> createDeferred)
        where TClient : class
        where TImplementation : class, TClient;
}
