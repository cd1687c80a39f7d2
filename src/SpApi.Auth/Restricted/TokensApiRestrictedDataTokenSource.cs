using Microsoft.Extensions.Http;
using SpApi.Auth.Handlers;
using SpApi.Auth.Sellers;
using SpApi.Runtime;
using SpApi.Tokens.V2021_03_01;
using GeneratedResource = SpApi.Tokens.V2021_03_01.RestrictedResource;

namespace SpApi.Auth.Restricted;

/// <summary>
/// Creates RDTs with the generated Tokens API client (<c>createRestrictedDataToken</c>), sending through the
/// IHttpClientFactory pipeline named <paramref name="pipelineName"/>, whose auth stage uses the seller's LWA token
/// and never an RDT, so obtaining an RDT cannot recurse.
/// </summary>
public sealed class TokensApiRestrictedDataTokenSource(IHttpMessageHandlerFactory handlers, string pipelineName) : IRestrictedDataTokenSource
{
    /// <inheritdoc/>
    public async Task<RestrictedDataToken> CreateAsync(SellerContext seller, RestrictedResource resource, string? targetApplication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(resource);
        var body = new CreateRestrictedDataTokenRequest { TargetApplication = targetApplication };
        body.RestrictedResources.Add(new GeneratedResource
        {
            Method = Enum.Parse<RestrictedResourceMethod>(resource.Method, ignoreCase: true),
            Path = resource.Path,
            DataElements = resource.DataElements.Count == 0 ? null : resource.DataElements.ToList(),
        });

        // The pooled pipeline belongs to IHttpClientFactory: never dispose it with this client.
        using var http = new HttpClient(new SellerContextHandler(seller.Name) { InnerHandler = handlers.CreateHandler(pipelineName) }, disposeHandler: false)
        {
            BaseAddress = seller.Endpoint,
        };
        // Fresh per-call options: the caller's data elements or RDT must not leak onto the Tokens call.
        CreateRestrictedDataTokenResponse response;
        using (SpApiCall.With(new SpApiCallOptions { Seller = seller.Name }))
            response = await new TokensClient(http).CreateRestrictedDataTokenAsync(body, cancellationToken).ConfigureAwait(false);

        // A missing, malformed or absurdly long-lived RDT is refused as a token, never cached or sent.
        if (response?.RestrictedDataToken is not { } token || !Tokens.TokenFormat.IsValid(token) || response.ExpiresIn is not (> 0 and <= 24 * 3600))
            throw new Tokens.InvalidTokenException($"createRestrictedDataToken for {resource} (no token, or expiresIn not from 1 to 86400)",
                response?.RestrictedDataToken?.Length ?? 0);
        return new RestrictedDataToken(token, TimeSpan.FromSeconds(response.ExpiresIn.Value));
    }
}
