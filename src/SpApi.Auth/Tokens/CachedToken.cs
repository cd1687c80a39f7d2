namespace SpApi.Auth.Tokens;

/// <summary>A token and the instant it stops being used. <see cref="ToString"/> never prints the token.</summary>
public sealed record CachedToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>True while the token may still be sent.</summary>
    public bool IsValidAt(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>
    /// A token whose lifetime is Amazon's <c>expires_in</c> minus a safety margin, so it is renewed before
    /// Amazon rejects it. When the margin would eat the whole lifetime, half the lifetime is used instead.
    /// </summary>
    public static CachedToken Create(string value, TimeSpan expiresIn, TimeSpan margin, DateTimeOffset now)
    {
        TokenFormat.Ensure(value, "a token issuer");
        var lifetime = expiresIn - margin;
        if (lifetime <= TimeSpan.Zero) lifetime = expiresIn / 2;
        return new CachedToken(value, now + lifetime);
    }

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"CachedToken {{ Value = ***, ExpiresAt = {ExpiresAt:O} }}";
}
