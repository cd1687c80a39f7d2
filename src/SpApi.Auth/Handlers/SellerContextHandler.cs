using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// Outermost handler of clients made by <c>ISellingPartnerClientFactory.For(seller)</c>: names the seller on each
/// request (unless the call named another one), so every later stage knows whose call it is.
/// </summary>
public sealed class SellerContextHandler(string seller) : DelegatingHandler
{
    public string Seller { get; } = seller ?? throw new ArgumentNullException(nameof(seller));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.GetSeller() is null) request.Options.Set(SpApiRequestOptions.Seller, Seller);
        return base.SendAsync(request, cancellationToken);
    }
}
