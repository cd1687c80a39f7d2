using SpApi.Runtime;
using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Auth;

/// <summary>
/// SP-API's access rules for one call: a live token from this sandbox in <c>x-amz-access-token</c>;
/// restricted operations only with an RDT granting the method and path (a few also with the seller's LWA
/// token, see <see cref="RestrictedResourceRules.RdtOptional"/>); grantless operations only with
/// a client_credentials token of the right scope; everything else with a seller's token.
/// </summary>
internal sealed class AccessGuard(TokenStore tokens, RestrictedResourceRules rules)
{
    public const string TokenHeader = "x-amz-access-token";

    /// <summary>The token's grant (when it is a live token of this sandbox) and, if access is denied, why (the <c>details</c> of the 403).</summary>
    public (IssuedToken? Token, string? Denied) Check(string? tokenText, ModelOperation operation, OperationMetadata? metadata, string rawPath)
    {
        if (string.IsNullOrEmpty(tokenText))
            return (null, $"Access token is missing in the request header ({TokenHeader}).");
        var token = tokens.Find(tokenText);
        if (token is null) return (null, "The access token you provided is revoked, malformed or invalid.");
        if (token.IsExpired(tokens.Now)) return (null, "The access token you provided has expired.");

        var name = operation.OperationId;
        var restricted = metadata?.Restricted == true;
        var rdtOptional = restricted && rules.IsRdtOptional(operation.Key);
        var scope = metadata?.GrantlessScope;
        var denied = token.Kind switch
        {
            IssuedTokenKind.Restricted when !restricted =>
                $"A restricted data token only grants the restricted resources it was issued for; {name} is not restricted, call it with an LWA access token.",
            IssuedTokenKind.Restricted when !token.Resources.Any(r => r.Covers(operation.Method, rawPath)) =>
                $"The restricted data token does not grant {operation.Method} {rawPath}.",
            not IssuedTokenKind.Restricted when restricted && !(rdtOptional && token.Kind == IssuedTokenKind.Seller) =>
                $"{name} is a restricted operation: call it with a restricted data token from the Tokens API (createRestrictedDataToken) for {operation.Method} {rawPath}.",
            IssuedTokenKind.Grantless when scope is null =>
                $"{name} acts for a seller: it needs an access token from the refresh_token grant, not a grantless (client_credentials) token.",
            IssuedTokenKind.Grantless when !token.Scopes.Contains(scope!) =>
                $"{name} is grantless: the access token lacks scope {scope}.",
            IssuedTokenKind.Seller when scope is not null =>
                $"{name} is a grantless operation: it needs an access token from the client_credentials grant with scope {scope}.",
            _ => null,
        };
        return (token, denied);
    }
}
