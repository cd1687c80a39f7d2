using SpApi.Auth.Grantless;
using SpApi.Auth.Sellers;
using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// Decides whose call a request is and where it goes: the seller it names (else the default seller) and that
/// seller's endpoint. Stamps both on the request (the seller's name in <see cref="SpApiRequestOptions.Seller"/>, the
/// endpoint in the URI), so the default seller addressed implicitly or by name is one seller, and a request moved to
/// another region is seen under its final host by every stage. Idempotent: a resolved request resolves to itself.
/// </summary>
public sealed class SellerEndpointResolver(ISellerRegistry sellers, GrantlessOperationTable grantlessOperations)
{
    // The endpoint stage resolves first; the auth stage asks again and gets this instead of a second lookup.
    private static readonly HttpRequestOptionsKey<SellerContext> Resolved = new("SpApi.ResolvedSeller");

    /// <summary>The seller of <paramref name="request"/> (null for a grantless call naming none), after stamping it and its endpoint.</summary>
    public SellerContext? Resolve(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var named = request.GetSeller();
        if (request.Options.TryGetValue(Resolved, out var resolved) && resolved.Name == named) return resolved;
        var name = named ?? sellers.DefaultSeller;
        if (name is null)
        {
            if (request.GetOperation() is { } operation && grantlessOperations.FindScope(operation) is not null) return null;
            throw new InvalidOperationException(
                "This SP-API call names no seller and no default seller is configured: set SellingPartnerApi:RefreshToken, " +
                "configure SellingPartnerApi:Sellers and use ISellingPartnerClientFactory.For(seller), or pass SpApiCallOptions.Seller.");
        }
        var seller = sellers.Get(name);
        if (named != seller.Name) request.Options.Set(SpApiRequestOptions.Seller, seller.Name);
        SendToSellerEndpoint(request, seller);
        request.Options.Set(Resolved, seller);
        return seller;
    }

    // A per-call seller may live in another region than the client's base address: its calls go to its endpoint.
    private static void SendToSellerEndpoint(HttpRequestMessage request, SellerContext seller)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!uri.IsAbsoluteUri) return; // refused later by the auth stage with a clear error
        var endpoint = seller.Endpoint;
        if (Uri.Compare(uri, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0) return;
        request.RequestUri = new UriBuilder(uri) { Scheme = endpoint.Scheme, Host = endpoint.Host, Port = endpoint.Port }.Uri;
    }
}
