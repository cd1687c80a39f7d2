using SpApi.Auth.Sellers;

namespace SpApi.Auth.Restricted;

/// <summary>A freshly created Restricted Data Token. <see cref="ToString"/> never prints it.</summary>
public sealed record RestrictedDataToken(string Token, TimeSpan ExpiresIn)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"RestrictedDataToken {{ Token = ***, ExpiresIn = {ExpiresIn} }}";
}

/// <summary>
/// Creates RDTs (Tokens API <c>createRestrictedDataToken</c>) for a seller. The default implementation calls the
/// generated Tokens client through a pipeline that authorizes with the seller's LWA token only, never an RDT.
/// </summary>
public interface IRestrictedDataTokenSource
{
    /// <summary>Creates an RDT for <paramref name="resource"/> of <paramref name="seller"/>, delegated to <paramref name="targetApplication"/> when set.</summary>
    Task<RestrictedDataToken> CreateAsync(SellerContext seller, RestrictedResource resource, string? targetApplication, CancellationToken cancellationToken);
}
