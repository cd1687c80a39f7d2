using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SpApi.Sandbox.Auth;

/// <summary>
/// Tokens the sandbox issued (access tokens, RDTs, authorisation codes, refresh tokens minted by the
/// code exchange). Token text only lives as dictionary keys; nothing here is ever logged.
/// </summary>
internal sealed class TokenStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxCredential> _mintedRefreshTokens = new(StringComparer.Ordinal);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Past this many live entries, expired tokens are dropped when a new one is issued (long-running sandboxes).</summary>
    private const int PurgeThreshold = 10_000;

    public string Issue(string prefix, IssuedToken token)
    {
        var text = prefix + NewSecret();
        _tokens[text] = token;
        if (_tokens.Count > PurgeThreshold) PurgeExpired();
        return text;
    }

    private void PurgeExpired()
    {
        var now = Now;
        foreach (var (text, issued) in _tokens)
            if (issued.IsExpired(now)) _tokens.TryRemove(text, out _);
    }

    /// <summary>Registers a token text given by a static case (e.g. the Tokens API's sample RDT).</summary>
    public void Register(string text, IssuedToken token) => _tokens[text] = token;

    public IssuedToken? Find(string text) => _tokens.TryGetValue(text, out var token) ? token : null;

    public string IssueCode(AuthorizationCode code)
    {
        var text = "ANSandbox" + NewSecret();
        _codes[text] = code;
        return text;
    }

    /// <summary>Single use: a code is gone once redeemed (or tried).</summary>
    public AuthorizationCode? RedeemCode(string text) => _codes.TryRemove(text, out var code) ? code : null;

    public string MintRefreshToken(string clientId, string clientSecret, string sellerId)
    {
        var text = "Atzr|" + NewSecret();
        _mintedRefreshTokens[text] = new SandboxCredential(clientId, clientSecret, text, sellerId);
        return text;
    }

    public SandboxCredential? FindMintedRefreshToken(string text) =>
        _mintedRefreshTokens.TryGetValue(text, out var credential) ? credential : null;

    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>An <c>spapi_oauth_code</c> handed out by the consent page.</summary>
internal sealed record AuthorizationCode(string SellerId, string RedirectUri, DateTimeOffset ExpiresAt);
