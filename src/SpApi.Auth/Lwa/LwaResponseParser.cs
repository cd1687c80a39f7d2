using System.Net;
using System.Text.Json;
using SpApi.Auth.Tokens;

namespace SpApi.Auth.Lwa;

/// <summary>
/// Reads LWA's token and error answers. Whatever the body holds (not JSON, JSON of another shape, a token with
/// CR/LF), the outcome is an <see cref="LwaToken"/> or an <see cref="LwaException"/>; the body is never quoted.
/// </summary>
internal static class LwaResponseParser
{
    public const string InvalidResponse = "invalid_response";

    /// <summary>Longest <c>expires_in</c> believed: a day (LWA says 3600).</summary>
    private const int MaxExpiresInSeconds = 24 * 3600;

    public static LwaToken ParseToken(string? body, string grantType, int status, bool truncated)
    {
        if (truncated)
            throw Invalid($"The token response was cut (longer than {LwaBodyCap.MaxBytes} bytes, or the connection ended mid-body); not parsed.", status, grantType);
        try
        {
            using var json = JsonDocument.Parse(body ?? "");
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Invalid($"The token response is JSON but not an object (got {root.ValueKind}).", status, grantType);
            var accessToken = String(root, "access_token");
            if (accessToken is null)
                throw Invalid("The token response has no access_token string.", status, grantType);
            if (!TokenFormat.IsValid(accessToken))
                throw Invalid($"The access_token is not a token (1 to {TokenFormat.MaxLength} visible ASCII characters).", status, grantType);
            if (!root.TryGetProperty("expires_in", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt32(out var seconds)
                || seconds <= 0 || seconds > MaxExpiresInSeconds)
                throw Invalid($"The token response has no expires_in number from 1 to {MaxExpiresInSeconds}.", status, grantType);
            foreach (var optional in new[] { "refresh_token", "token_type" })
                if (root.TryGetProperty(optional, out var v) && v.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    throw Invalid($"The token response's {optional} is not a string (got {v.ValueKind}).", status, grantType);
            var refresh = String(root, "refresh_token");
            if (refresh is not null && !TokenFormat.IsValid(refresh))
                throw Invalid($"The refresh_token is not a token (1 to {TokenFormat.MaxLength} visible ASCII characters).", status, grantType);
            return new LwaToken(accessToken, String(root, "token_type") ?? "bearer", TimeSpan.FromSeconds(seconds), refresh);
        }
        catch (JsonException)
        {
            // The body may hold a token: neither quote it nor keep the parser's exception.
            throw Invalid("The token response is not valid JSON.", status, grantType);
        }
    }

    public static LwaException ParseError(string? body, string grantType, int status, bool truncated)
    {
        string? error = null, description = null;
        try
        {
            using var json = JsonDocument.Parse(body ?? "");
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = String(json.RootElement, "error");
                description = String(json.RootElement, "error_description");
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, or cut at the cap): fall back to the status code below.
        }
        // Amazon's codes are short identifiers; anything else is not trusted as one.
        if (error is not null && (error.Length > 64 || !error.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))) error = null;
        if (description is { Length: > 1024 }) description = description[..1024] + "…";
        error ??= status == (int)HttpStatusCode.TooManyRequests ? "too_many_requests" : $"http_{status}";
        if (truncated) description = (description is null ? "" : description + " ") + $"[answer cut at {LwaBodyCap.MaxBytes} bytes]";
        return new LwaException(error, description, status, grantType);
    }

    private static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static LwaException Invalid(string why, int status, string grantType) => new(InvalidResponse, why, status, grantType);
}
