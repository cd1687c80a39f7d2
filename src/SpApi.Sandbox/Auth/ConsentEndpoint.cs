using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SpApi.Sandbox.Http;

namespace SpApi.Sandbox.Auth;

/// <summary>
/// <c>GET /apps/authorize/consent</c>: Seller Central's consent page, approved at once. Redirects to
/// <c>redirect_uri</c> with <c>state</c>, <c>selling_partner_id</c> and a single-use <c>spapi_oauth_code</c>
/// that the token endpoint exchanges (grant_type=authorization_code) for a refresh token.
/// </summary>
internal sealed class ConsentEndpoint(TokenStore tokens, string sellerId, TimeSpan codeLifetime)
{
    public const string Path = "/apps/authorize/consent";

    public Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var applicationId = query["application_id"].ToString();
        var state = query["state"].ToString();
        var redirect = query["redirect_uri"].ToString();
        string? problem = null;
        if (!HttpMethods.IsGet(context.Request.Method)) problem = "The consent page only answers GET.";
        else if (applicationId.Length == 0) problem = "The consent URL is missing application_id.";
        else if (state.Length == 0) problem = "The consent URL is missing state (needed to protect the redirect against CSRF).";
        else if (!Uri.TryCreate(redirect, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            problem = "The consent URL needs redirect_uri, an absolute http(s) URL.";
        if (problem is not null)
            return SpApiResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidInput", "Invalid consent request.", problem);

        var code = tokens.IssueCode(new AuthorizationCode(sellerId, redirect, tokens.Now + codeLifetime));
        var location = QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?>
        {
            ["state"] = state,
            ["selling_partner_id"] = sellerId,
            ["spapi_oauth_code"] = code,
        });
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
