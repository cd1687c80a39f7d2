namespace SpApi.Auth.Sellers;

/// <summary>A request named a seller that is neither configured nor registered at run time.</summary>
public sealed class UnknownSellerException(string seller)
    : InvalidOperationException($"No selling partner named '{seller}' is configured. Add it under SellingPartnerApi:Sellers or call ISellingPartnerClientFactory.For(SellerContext).")
{
    /// <summary>The seller name that was asked for.</summary>
    public string Seller { get; } = seller;
}
