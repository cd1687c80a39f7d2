using System.Security.Cryptography;
using System.Text;

namespace SpApi.Auth.Tokens;

/// <summary>
/// Cache keys for tokens. Each key is a SHA-256 of everything that identifies whose token it is
/// (client id + refresh token, or client id + scope), so two sellers can never share an entry and the
/// key itself (which caches may log) reveals no secret.
/// </summary>
internal static class TokenCacheKeys
{
    // Every call asks for its seller's key; hashing each time cost ~0.6 µs and 1 KB per call. The refresh token
    // string of a seller context is the same instance call after call, so remember its key beside it (weakly:
    // nothing is kept alive, and the token itself is never a key of anything that outlives it).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, SellerKey> SellerKeys = new();

    private sealed record SellerKey(string ClientId, string Key);

    /// <summary>Key of a seller's LWA access token.</summary>
    public static string Seller(string clientId, string refreshToken)
    {
        if (SellerKeys.TryGetValue(refreshToken, out var known) && known.ClientId == clientId) return known.Key;
        var key = Hash("lwa", clientId, refreshToken);
        SellerKeys.AddOrUpdate(refreshToken, new SellerKey(clientId, key));
        return key;
    }

    /// <summary>Key of an application's grantless token for one scope.</summary>
    public static string Grantless(string clientId, string scope) => Hash("grantless", clientId, scope);

    /// <summary>Key of an RDT: the seller's identity plus method, path, sorted data elements and delegatee.</summary>
    public static string RestrictedData(string clientId, string refreshToken, string method, string path,
        IEnumerable<string> dataElements, string? targetApplication) =>
        Hash("rdt", clientId, refreshToken, method.ToUpperInvariant(), path,
            string.Join(",", dataElements.Order(StringComparer.Ordinal)), targetApplication ?? "");

    private static string Hash(string kind, params string[] parts)
    {
        // Length-prefix each part so ("ab","c") and ("a","bc") differ.
        var text = new StringBuilder();
        foreach (var part in parts) text.Append(part.Length).Append(':').Append(part).Append('|');
        return $"spapi:{kind}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))}";
    }
}
