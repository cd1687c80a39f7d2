using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SpApi.Samples.WebApp;

/// <summary>
/// Which browser connected which seller. The session id (a random cookie) is also what the OAuth <c>state</c> is
/// bound to, so a state issued to one browser cannot complete the workflow in another. A real app uses its login.
/// </summary>
public sealed class BrowserSessions
{
    public const string CookieName = "spapi-sample-session";
    private readonly ConcurrentDictionary<string, string> _sellerBySession = new(StringComparer.Ordinal);

    /// <summary>The browser's session id, issued now when it has none.</summary>
    public string Ensure(HttpContext http)
    {
        if (Current(http) is { } existing) return existing;
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        // Lax: the cookie must come back on the top-level redirect from the consent page.
        http.Response.Cookies.Append(CookieName, id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
        http.Items[CookieName] = id;
        return id;
    }

    public string? Current(HttpContext http) =>
        http.Items[CookieName] as string ?? (http.Request.Cookies.TryGetValue(CookieName, out var id) && id.Length == 64 ? id : null);

    public void Connect(string session, string sellingPartnerId) => _sellerBySession[session] = sellingPartnerId;

    public string? SellerOf(HttpContext http) => Current(http) is { } s && _sellerBySession.TryGetValue(s, out var seller) ? seller : null;
}
