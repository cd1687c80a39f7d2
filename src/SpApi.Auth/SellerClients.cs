using SpApi.Auth.Handlers;
using SpApi.Auth.Sellers;
using SpApi.Runtime;

namespace SpApi.Auth;

/// <summary>
/// Creates generated clients whose calls run as one seller: every request is named for the seller and goes to its
/// endpoint, through the shared pipeline (and so its token cache, rate limiter and connections).
/// </summary>
public sealed class SellerClients
{
    private readonly SpApiClientCatalog _catalog;
    private readonly Func<HttpMessageHandler> _pipeline;

    internal SellerClients(SellerContext seller, SpApiClientCatalog catalog, Func<HttpMessageHandler> pipeline, SpApiCallOptions? callOptions = null)
    {
        Seller = seller;
        _catalog = catalog;
        _pipeline = pipeline;
        CallOptions = callOptions;
    }

    /// <summary>The seller every call of these clients runs as.</summary>
    public SellerContext Seller { get; }

    /// <summary>Per-call options bound to these clients (see <see cref="With"/>), or null.</summary>
    public SpApiCallOptions? CallOptions { get; }

    /// <summary>
    /// Clients of the same seller whose every call carries <paramref name="options"/>, e.g.
    /// <c>sellers.For("acme").With(new SpApiCallOptions { DataElements = ["buyerInfo"] }).Get&lt;IOrdersClient&gt;()</c>.
    /// These explicit options beat an ambient <see cref="SpApiCall"/> scope field by field; they replace (not merge
    /// with) options bound before.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> names another seller (use <c>For(seller)</c>).</exception>
    public SellerClients With(SpApiCallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Seller is not null && options.Seller != Seller.Name)
            throw new ArgumentException($"SpApiCallOptions.Seller '{options.Seller}' differs from the seller of these clients ('{Seller.Name}'): use For(\"{options.Seller}\") for another seller.", nameof(options));
        return new SellerClients(Seller, _catalog, _pipeline, options);
    }

    /// <summary>A client, e.g. <c>Get&lt;IOrdersClient&gt;()</c>.</summary>
    public T Get<T>() where T : class => (T)Get(typeof(T));

    /// <summary>A client of the generated interface <paramref name="clientType"/>.</summary>
    public object Get(Type clientType) => _catalog.Create(clientType, CreateHttpClient());

    /// <summary>An HttpClient for this seller over the pipeline (for requests not made by a generated client).</summary>
    public HttpClient CreateHttpClient() =>
        // The pooled pipeline belongs to IHttpClientFactory: never dispose it with this client.
        new(new SellerContextHandler(Seller.Name, CallOptions) { InnerHandler = _pipeline() }, disposeHandler: false) { BaseAddress = Seller.Endpoint };

    /// <inheritdoc/>
    public override string ToString() => $"SellerClients {{ Seller = {Seller.Name} }}";
}
