using SpApi.Auth.Sellers;

namespace SpApi.Auth;

/// <summary>Clients bound to one selling partner: many sellers in one process, each with its own tokens and region.</summary>
public interface ISellingPartnerClientFactory
{
    /// <summary>Clients for a configured or previously registered seller; throws <see cref="UnknownSellerException"/> otherwise.</summary>
    SellerClients For(string seller);

    /// <summary>Registers (or replaces) <paramref name="seller"/> and returns its clients.</summary>
    SellerClients For(SellerContext seller);
}
