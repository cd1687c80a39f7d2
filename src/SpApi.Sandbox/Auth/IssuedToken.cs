namespace SpApi.Sandbox.Auth;

/// <summary>What the sandbox knows about an access token or RDT it issued. Holds no token text.</summary>
internal sealed record IssuedToken(
    IssuedTokenKind Kind,
    string ClientId,
    string? SellerId,
    IReadOnlySet<string> Scopes,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<RestrictedResource> Resources)
{
    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}

internal enum IssuedTokenKind
{
    /// <summary>From a refresh_token or authorization_code grant: acts for a seller.</summary>
    Seller,
    /// <summary>From a client_credentials grant: grantless, acts for the application.</summary>
    Grantless,
    /// <summary>A Restricted Data Token from the Tokens API.</summary>
    Restricted,
}

/// <summary>One restricted resource an RDT covers: method, concrete or generic path, data elements.</summary>
internal sealed record RestrictedResource(string Method, string Path, IReadOnlyList<string> DataElements)
{
    public override string ToString() =>
        $"{Method} {Path}{(DataElements.Count == 0 ? "" : " [" + string.Join(", ", DataElements) + "]")}";

    /// <summary>True when this resource covers a request; <c>{x}</c> segments match any value.</summary>
    public bool Covers(string method, string rawPath)
    {
        if (!string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) return false;
        var mine = Routing.PathTemplate.Split(Path);
        var theirs = Routing.PathTemplate.Split(rawPath);
        if (mine.Length != theirs.Length) return false;
        for (var i = 0; i < mine.Length; i++)
        {
            if (Routing.PathTemplate.IsPlaceholder(mine[i])) continue;
            if (!string.Equals(Uri.UnescapeDataString(mine[i]), Uri.UnescapeDataString(theirs[i]), StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
