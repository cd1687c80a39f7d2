namespace SpApi.Auth.Tokens;

/// <summary>
/// The shape every token must have before it is cached or sent: 1 to <see cref="MaxLength"/> visible ASCII
/// characters (0x21-0x7E). Anything else (CR/LF, spaces, control or non-ASCII characters, megabyte strings) could
/// inject headers or exhaust memory, so it is refused wherever a token enters: LWA answers, RDT answers, caches
/// and tokens the caller passes.
/// </summary>
public static class TokenFormat
{
    /// <summary>Longest token accepted (LWA access tokens and RDTs are well under 2,000 characters).</summary>
    public const int MaxLength = 8192;

    /// <summary>True when <paramref name="token"/> has the shape of a token.</summary>
    public static bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength) return false;
        foreach (var c in token)
            if (c is < '!' or > '~') return false;
        return true;
    }

    /// <summary>Throws <see cref="InvalidTokenException"/> (naming <paramref name="origin"/>, never the token) unless valid.</summary>
    public static string Ensure(string? token, string origin) =>
        IsValid(token) ? token! : throw new InvalidTokenException(origin, token?.Length ?? 0);
}

/// <summary>A token that does not have a token's shape (see <see cref="TokenFormat"/>); it was neither cached nor sent.</summary>
public sealed class InvalidTokenException(string origin, int length)
    : InvalidOperationException($"Refusing a token from {origin}: a token must be 1 to {TokenFormat.MaxLength} visible ASCII characters " +
                                $"(got {length} characters of another shape). The token was neither cached nor sent.")
{
    /// <summary>Where the token came from, e.g. <c>the restricted data token source</c>.</summary>
    public string Origin { get; } = origin;
}
