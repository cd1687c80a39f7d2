namespace SpApi.Auth.OAuth;

/// <summary>The query parameters Amazon sends to the redirect URI. <see cref="ToString"/> hides the code.</summary>
public sealed record AuthorizationCallback(string? State, string? SpApiOAuthCode, string? SellingPartnerId)
{
    /// <summary>Reads <c>state</c>, <c>spapi_oauth_code</c> and <c>selling_partner_id</c>, e.g.
    /// <c>AuthorizationCallback.From(name =&gt; httpContext.Request.Query[name])</c>.</summary>
    public static AuthorizationCallback From(Func<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new AuthorizationCallback(query("state"), query("spapi_oauth_code"), query("selling_partner_id"));
    }

    /// <summary>Never prints the authorization code.</summary>
    public override string ToString() =>
        $"AuthorizationCallback {{ State = {(State is null ? "null" : "***")}, SpApiOAuthCode = {(SpApiOAuthCode is null ? "null" : "***")}, SellingPartnerId = {SellingPartnerId} }}";
}
