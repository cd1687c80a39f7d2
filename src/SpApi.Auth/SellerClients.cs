using SpApi.Auth.Handlers;
using SpApi.Auth.Sellers;

namespace SpApi.Auth;

/// <summary>
/// Creates generated clients whose calls run as one seller: every request is named for the seller and goes to its
/// endpoint, through the shared pipeline (and so its token cache, rate limiter and connections).
/// </summary>
public sealed class SellerClients
{
    private readonly SpApiClientCatalog _catalog;
    private readonly Func<HttpMessageHandler> _pipeline;

    internal SellerClients(SellerContext seller, SpApiClientCatalog catalog, Func<HttpMessageHandler> pipeline)
    {
        Seller = seller;
        _catalog = catalog;
        _pipeline = pipeline;
    }

    public SellerContext Seller { get; }

    /// <summary>A client, e.g. <c>Get&lt;IOrdersClient&gt;()</c>.</summary>
    public T Get<T>() where T : class => (T)Get(typeof(T));

    public object Get(Type clientType) => _catalog.Create(clientType, CreateHttpClient());

    /// <summary>An HttpClient for this seller over the pipeline (for requests not made by a generated client).</summary>
    public HttpClient CreateHttpClient() =>
        // The pooled pipeline belongs to IHttpClientFactory: never dispose it with this client.
        new(new SellerContextHandler(Seller.Name) { InnerHandler = _pipeline() }, disposeHandler: false) { BaseAddress = Seller.Endpoint };

    public override string ToString() => $"SellerClients {{ Seller = {Seller.Name} }}";
}
