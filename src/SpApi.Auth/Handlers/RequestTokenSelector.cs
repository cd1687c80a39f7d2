using SpApi.Auth.Grantless;
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tokens;
using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// Decides which token authorizes a request, in this order: an RDT the caller passed; the application token of a
/// grantless operation; for operations of the restricted table, what <see cref="RestrictedTokenPolicy"/> decides
/// (an RDT, an RDT falling back to the LWA token when refused for lack of roles, or the LWA token); otherwise the
/// seller's LWA access token.
/// </summary>
internal sealed class RequestTokenSelector(
    AccessTokenProvider accessTokens,
    RestrictedDataTokenProvider? restrictedDataTokens,
    SingleFlightTokenStore store,
    RestrictedOperationTable restrictedOperations,
    GrantlessOperationTable grantlessOperations,
    bool automaticRestrictedDataTokens = true,
    bool hasRestrictedRoles = false,
    RestrictedDataFallback? fallback = null)
{
    /// <summary>The operations authorized with an application (grantless) token.</summary>
    public GrantlessOperationTable GrantlessOperations => grantlessOperations;

    /// <summary>The scope when <paramref name="operation"/> is grantless, else null.</summary>
    public string? GrantlessScope(OperationMetadata? operation) =>
        operation is null ? null : grantlessOperations.FindScope(operation);

    /// <summary>The token for <paramref name="request"/>; <paramref name="seller"/> may be null only for grantless operations.</summary>
    /// <exception cref="RestrictedDataAccessDeniedException">The call needs an RDT and the Tokens API refused it for lack of roles.</exception>
    /// <remarks>Not <c>async</c> itself (each async layer costs start-up JIT time): it hands back the token source's task.</remarks>
    public ValueTask<IssuedToken> SelectAsync(HttpRequestMessage request, SellerContext? seller, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(SpApiRequestOptions.RestrictedDataToken, out var callerRdt) && !string.IsNullOrEmpty(callerRdt))
            return new(new IssuedToken(TokenFormat.Ensure(callerRdt, "the caller (SpApiRequestOptions.RestrictedDataToken)"), TokenKind.CallerRestrictedData, null));

        var operation = request.GetOperation();
        if (GrantlessScope(operation) is { } scope)
            return accessTokens.GetGrantlessTokenAsync(scope, seller?.Credentials, cancellationToken);

        if (seller is null) throw new InvalidOperationException("A seller context is required for a seller-authorized operation.");

        if (restrictedDataTokens is not null && operation is not null && restrictedOperations.Find(operation) is { } row)
        {
            var (elements, target) = Asked(request);
            var application = restrictedDataTokens.ApplicationId(seller);
            var refused = fallback?.IsRefused(application, seller.Name) == true;
            var choice = RestrictedTokenPolicy.Decide(row, new RestrictedTokenRequest(
                CallAsked: elements is not null || target is not null, automaticRestrictedDataTokens, hasRestrictedRoles, refused));
            if (choice != RestrictedTokenChoice.Lwa)
                return RestrictedDataTokenAsync(request, seller, operation, row, elements, target, choice, application, cancellationToken);
            // Count the calls that would have had an RDT but for the remembered refusal.
            if (refused && RestrictedTokenPolicy.Decide(row, new(false, automaticRestrictedDataTokens, hasRestrictedRoles, RecentlyRefused: false)) == RestrictedTokenChoice.RdtOrLwa)
                fallback!.Remembered(operation);
        }

        return accessTokens.GetSellerTokenAsync(seller, cancellationToken);
    }

    private async ValueTask<IssuedToken> RestrictedDataTokenAsync(HttpRequestMessage request, SellerContext seller, OperationMetadata operation,
        RestrictedOperation row, IReadOnlyList<string>? askedElements, string? target, RestrictedTokenChoice choice, string application,
        CancellationToken cancellationToken)
    {
        var resource = ResourceFor(request, operation, row, askedElements);
        try
        {
            return await restrictedDataTokens!.GetAsync(seller, resource, target, cancellationToken).ConfigureAwait(false);
        }
        catch (SpApiException e) when (e is not RestrictedDataAccessDeniedException && RestrictedRoleRefusal.IsRoleRefusal(e))
        {
            if (choice != RestrictedTokenChoice.RdtOrLwa)
                throw new RestrictedDataAccessDeniedException(operation.Key, resource.DataElements, restrictedOperations.RolesFor(row, resource.DataElements), e);
            fallback?.Refused(application, seller.Name, operation, e);
            return await accessTokens.GetSellerTokenAsync(seller, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets a token SP-API rejected, unless it was the caller's own RDT (which we cannot renew).</summary>
    public ValueTask InvalidateAsync(IssuedToken token, CancellationToken cancellationToken) =>
        token.CacheKey is null ? ValueTask.CompletedTask : store.InvalidateAsync(token.CacheKey, token.Value, cancellationToken);

    // Data elements and a target application passed with the call apply only to operations in the restricted table,
    // so an ambient scope around several calls does not turn ordinary operations into RDT calls.
    private static (IReadOnlyList<string>? Elements, string? Target) Asked(HttpRequestMessage request)
    {
        request.Options.TryGetValue(SpApiRequestOptions.DataElements, out var elements);
        request.Options.TryGetValue(SpApiRequestOptions.TargetApplication, out var target);
        return (elements, string.IsNullOrEmpty(target) ? null : target);
    }

    private static RestrictedResource ResourceFor(HttpRequestMessage request, OperationMetadata operation, RestrictedOperation row, IReadOnlyList<string>? askedElements)
    {
        var path = row.Path == RestrictedPathKind.Generic
            ? operation.PathTemplate
            : request.RequestUri?.AbsolutePath ?? throw new InvalidOperationException("The request has no URI.");
        var elements = (askedElements ?? row.DataElements).Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.Ordinal).ToArray();
        return new RestrictedResource(operation.Method.ToUpperInvariant(), path, elements);
    }
}
