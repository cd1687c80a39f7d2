using SpApi.Auth.Grantless;
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tokens;
using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// Decides which token authorizes a request, in this order: an RDT the caller passed; the application token of a
/// grantless operation; an RDT for a restricted operation; otherwise the seller's LWA access token.
/// </summary>
internal sealed class RequestTokenSelector(
    AccessTokenProvider accessTokens,
    RestrictedDataTokenProvider? restrictedDataTokens,
    SingleFlightTokenStore store,
    RestrictedOperationTable restrictedOperations,
    GrantlessOperationTable grantlessOperations,
    bool automaticRestrictedDataTokens = true)
{
    /// <summary>The scope when <paramref name="operation"/> is grantless, else null.</summary>
    public string? GrantlessScope(OperationMetadata? operation) =>
        operation is null ? null : grantlessOperations.FindScope(operation);

    /// <summary>The token for <paramref name="request"/>; <paramref name="seller"/> may be null only for grantless operations.</summary>
    public async ValueTask<IssuedToken> SelectAsync(HttpRequestMessage request, SellerContext? seller, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(SpApiRequestOptions.RestrictedDataToken, out var callerRdt) && !string.IsNullOrEmpty(callerRdt))
            return new IssuedToken(callerRdt, TokenKind.CallerRestrictedData, null);

        var operation = request.GetOperation();
        if (GrantlessScope(operation) is { } scope)
            return await accessTokens.GetGrantlessTokenAsync(scope, seller?.Credentials, cancellationToken).ConfigureAwait(false);

        if (seller is null) throw new InvalidOperationException("A seller context is required for a seller-authorized operation.");

        if (RestrictedResourceFor(request, operation) is { } restricted && restrictedDataTokens is not null)
            return await restrictedDataTokens.GetAsync(seller, restricted.Resource, restricted.TargetApplication, cancellationToken).ConfigureAwait(false);

        return await accessTokens.GetSellerTokenAsync(seller, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets a token SP-API rejected, unless it was the caller's own RDT (which we cannot renew).</summary>
    public ValueTask InvalidateAsync(IssuedToken token, CancellationToken cancellationToken) =>
        token.CacheKey is null ? ValueTask.CompletedTask : store.InvalidateAsync(token.CacheKey, token.Value, cancellationToken);

    /// <summary>
    /// The resource to request an RDT for, or null when the call needs none. Data elements and a target application
    /// passed with the call apply only to operations in the restricted table, so an ambient scope around several
    /// calls does not turn ordinary operations into RDT calls.
    /// </summary>
    public (RestrictedResource Resource, string? TargetApplication)? RestrictedResourceFor(HttpRequestMessage request, OperationMetadata? operation)
    {
        if (operation is null || restrictedOperations.Find(operation) is not { } row) return null;
        request.Options.TryGetValue(SpApiRequestOptions.DataElements, out var askedElements);
        request.Options.TryGetValue(SpApiRequestOptions.TargetApplication, out var target);
        var asked = askedElements is not null || !string.IsNullOrEmpty(target);
        if (!asked && !(row.Use == RestrictedDataTokenUse.Always && automaticRestrictedDataTokens)) return null;

        var path = row.Path == RestrictedPathKind.Generic
            ? operation.PathTemplate
            : request.RequestUri?.AbsolutePath ?? throw new InvalidOperationException("The request has no URI.");
        var elements = (askedElements ?? row.DataElements).Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.Ordinal).ToArray();
        return (new RestrictedResource(operation.Method.ToUpperInvariant(), path, elements), string.IsNullOrEmpty(target) ? null : target);
    }
}
