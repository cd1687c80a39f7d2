using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Http;
using SpApi.Sandbox.Stats;

namespace SpApi.Sandbox.Auth;

/// <summary>
/// <c>POST /auth/o2/token</c>, Login with Amazon's token endpoint: refresh_token, client_credentials
/// (with scope) and authorization_code grants against the configured test credentials, sent as a form or as JSON
/// (Amazon's SDKs for Java, C# and PHP send JSON), client credentials in the body or HTTP Basic. Errors use
/// LWA's <c>{"error", "error_description"}</c> shape.
/// </summary>
internal sealed class LwaTokenEndpoint(
    IReadOnlyList<SandboxCredential> credentials,
    IReadOnlySet<string> grantlessScopes,
    TokenStore tokens,
    SandboxStats stats,
    TimeSpan lifetime)
{
    public const string Path = "/auth/o2/token";

    public async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "invalid_request", "The token endpoint only accepts POST.");
            return;
        }
        var (form, problem) = await LwaParameters.ReadAsync(context.Request, context.RequestAborted);
        if (form is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", problem!);
            return;
        }
        var (clientId, clientSecret) = ClientCredentials(context.Request, form);
        var grantType = form["grant_type"];
        if (grantType.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The request is missing the required parameter : grant_type");
            return;
        }
        if (!GrantKind.All.Contains(grantType))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", $"The grant type '{grantType}' is not supported.");
            return;
        }
        if (clientId.Length == 0 || clientSecret.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The request is missing the required parameters : client_id and client_secret");
            return;
        }
        if (!IsKnownClient(clientId, clientSecret))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed");
            return;
        }

        switch (grantType)
        {
            case GrantKind.RefreshToken: await RefreshAsync(context, form, clientId); break;
            case GrantKind.ClientCredentials: await ClientCredentialsAsync(context, form, clientId); break;
            default: await ExchangeCodeAsync(context, form, clientId, clientSecret); break;
        }
    }

    private async Task RefreshAsync(HttpContext context, LwaParameters form, string clientId)
    {
        var refreshToken = form["refresh_token"];
        if (refreshToken.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The request is missing the required parameter : refresh_token");
            return;
        }
        var credential = credentials.FirstOrDefault(c => SecretEquals(c.RefreshToken, refreshToken)) ?? tokens.FindMintedRefreshToken(refreshToken);
        if (credential is null || credential.ClientId != clientId)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
            return;
        }
        var accessToken = IssueSellerToken(clientId, credential.SellerId);
        stats.TokenGranted(GrantKind.RefreshToken, credential.SellerId);
        await WriteTokenAsync(context, accessToken, refreshToken, scope: null);
    }

    private async Task ClientCredentialsAsync(HttpContext context, LwaParameters form, string clientId)
    {
        var requested = form["scope"].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (requested.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The request is missing the required parameter : scope");
            return;
        }
        var unknown = requested.Where(s => !grantlessScopes.Contains(s)).ToArray();
        if (unknown.Length > 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_scope", $"An unknown scope was requested: {string.Join(' ', unknown)}");
            return;
        }
        var scopes = new HashSet<string>(requested, StringComparer.Ordinal);
        var accessToken = tokens.Issue("Atc|", new IssuedToken(IssuedTokenKind.Grantless, clientId, null, scopes, tokens.Now + lifetime, []));
        stats.TokenGranted(GrantKind.ClientCredentials, null);
        await WriteTokenAsync(context, accessToken, refreshToken: null, scope: string.Join(' ', scopes));
    }

    private async Task ExchangeCodeAsync(HttpContext context, LwaParameters form, string clientId, string clientSecret)
    {
        var codeText = form["code"];
        if (codeText.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The request is missing the required parameter : code");
            return;
        }
        var code = tokens.RedeemCode(codeText);
        var redirectUri = form["redirect_uri"];
        if (code is null || code.ExpiresAt <= tokens.Now || (redirectUri.Length > 0 && redirectUri != code.RedirectUri))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", "The authorization code is invalid, expired, already used or was issued for another redirect_uri.");
            return;
        }
        var refreshToken = tokens.MintRefreshToken(clientId, clientSecret, code.SellerId);
        var accessToken = IssueSellerToken(clientId, code.SellerId);
        stats.TokenGranted(GrantKind.AuthorizationCode, code.SellerId);
        await WriteTokenAsync(context, accessToken, refreshToken, scope: null);
    }

    private string IssueSellerToken(string clientId, string sellerId) =>
        tokens.Issue("Atza|", new IssuedToken(IssuedTokenKind.Seller, clientId, sellerId, new HashSet<string>(), tokens.Now + lifetime, []));

    private Task WriteTokenAsync(HttpContext context, string accessToken, string? refreshToken, string? scope)
    {
        var body = new JObject { ["access_token"] = accessToken };
        if (refreshToken is not null) body["refresh_token"] = refreshToken;
        if (scope is not null) body["scope"] = scope;
        body["token_type"] = "bearer";
        body["expires_in"] = (long)lifetime.TotalSeconds;
        context.Response.Headers.CacheControl = "no-store";
        return SpApiResponses.WriteJsonAsync(context, StatusCodes.Status200OK, body);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string error, string description) =>
        SpApiResponses.WriteJsonAsync(context, status, new JObject { ["error"] = error, ["error_description"] = description });

    /// <summary>Body fields first, else HTTP Basic (both are accepted by LWA).</summary>
    private static (string Id, string Secret) ClientCredentials(HttpRequest request, LwaParameters form)
    {
        var id = form["client_id"];
        var secret = form["client_secret"];
        if ((id.Length == 0 || secret.Length == 0)
            && AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is not null)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
                var colon = pair.IndexOf(':');
                if (colon > 0) return (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
            }
            catch (FormatException)
            {
                // Not Base64: treated as no credentials.
            }
        }
        return (id, secret);
    }

    private bool IsKnownClient(string clientId, string clientSecret) =>
        credentials.Any(c => c.ClientId == clientId && SecretEquals(c.ClientSecret, clientSecret));

    private static bool SecretEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
