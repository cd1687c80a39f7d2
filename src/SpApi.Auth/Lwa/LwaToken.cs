namespace SpApi.Auth.Lwa;

/// <summary>A successful LWA token response. <see cref="ToString"/> never prints a token.</summary>
public sealed record LwaToken(string AccessToken, string TokenType, TimeSpan ExpiresIn, string? RefreshToken)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() =>
        $"LwaToken {{ AccessToken = ***, TokenType = {TokenType}, ExpiresIn = {ExpiresIn}, RefreshToken = {(RefreshToken is null ? "null" : "***")} }}";
}
