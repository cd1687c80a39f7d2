namespace SpApi.Auth.Tokens;

/// <summary>What kind of token authorized a request.</summary>
public enum TokenKind
{
    /// <summary>A seller's LWA access token (refresh_token grant).</summary>
    Seller,

    /// <summary>An application token for grantless operations (client_credentials grant).</summary>
    Grantless,

    /// <summary>A Restricted Data Token obtained by the pipeline.</summary>
    RestrictedData,

    /// <summary>A Restricted Data Token the caller passed with the call (not cached, never refreshed).</summary>
    CallerRestrictedData,
}

/// <summary>A token handed to a request, with the cache key to forget it by if SP-API rejects it.</summary>
/// <remarks>A class, not a struct: async code over a struct result (ValueTask&lt;T&gt;, its builder) is compiled per type at
/// start-up, even in ReadyToRun images; over a class it shares the framework's precompiled code.</remarks>
internal sealed record IssuedToken(string Value, TokenKind Kind, string? CacheKey)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"IssuedToken {{ Value = ***, Kind = {Kind} }}";
}
