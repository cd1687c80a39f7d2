using Microsoft.Extensions.Http;
using SpApi.Auth.Sellers;

namespace SpApi.Auth.Restricted;

/// <summary>
/// Creates RDTs with the generated Tokens API client, sending through the pipeline named
/// <paramref name="pipelineName"/>, whose auth stage uses the seller's LWA token (never an RDT, so no recursion).
/// </summary>
public sealed class TokensApiRestrictedDataTokenSource(IHttpMessageHandlerFactory handlers, string pipelineName) : IRestrictedDataTokenSource
{
    public Task<RestrictedDataToken> CreateAsync(SellerContext seller, RestrictedResource resource, string? targetApplication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(resource);
        _ = handlers;
        _ = pipelineName;
        throw new NotSupportedException("The generated Tokens client is not available yet.");
    }
}
