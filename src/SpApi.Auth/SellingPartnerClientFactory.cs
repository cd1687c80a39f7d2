using Microsoft.Extensions.Http;
using SpApi.Auth.Sellers;

namespace SpApi.Auth;

/// <summary>
/// Default <see cref="ISellingPartnerClientFactory"/> over the IHttpClientFactory pipeline named <see cref="PipelineName"/>.
/// A seller registered without a base address of its own gets <paramref name="defaultBaseAddress"/>
/// (<see cref="SellingPartnerOptions.BaseAddress"/>), as configured sellers do.
/// </summary>
public sealed class SellingPartnerClientFactory(IHttpMessageHandlerFactory handlers, ISellerRegistry sellers, SpApiClientCatalog catalog,
    Uri? defaultBaseAddress = null) : ISellingPartnerClientFactory
{
    /// <summary>The IHttpClientFactory client name holding the SP-API pipeline.</summary>
    public const string PipelineName = "SpApi";

    /// <inheritdoc/>
    public SellerClients For(string seller) => new(sellers.Get(seller), catalog, () => handlers.CreateHandler(PipelineName));

    /// <inheritdoc/>
    public SellerClients For(SellerContext seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        if (seller.BaseAddress is null && defaultBaseAddress is not null) seller = seller with { BaseAddress = defaultBaseAddress };
        sellers.Set(seller);
        return new SellerClients(seller, catalog, () => handlers.CreateHandler(PipelineName));
    }
}
