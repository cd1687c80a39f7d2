using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// Outermost handler of clients made by <c>ISellingPartnerClientFactory.For(seller)</c>: names the seller on each
/// request and applies the client's bound <see cref="SpApiCallOptions"/>, so every later stage knows whose call it is.
/// Precedence (docs/per-call-options.md): what the caller set on the request itself, then this client's seller and
/// options, then the ambient <see cref="SpApiCall"/> scope; an ambient seller never redirects a For(seller) client.
/// </summary>
internal sealed class SellerContextHandler(string seller, SpApiCallOptions? options = null) : DelegatingHandler
{
    private readonly SpApiCallOptions _explicit = (options ?? new SpApiCallOptions()) with
    {
        Seller = seller ?? throw new ArgumentNullException(nameof(seller)),
    };

    public string Seller => _explicit.Seller!;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _explicit.ApplyExplicit(request);
        return base.SendAsync(request, cancellationToken);
    }
}
