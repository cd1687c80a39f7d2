using System.Net;
using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// Recognises SP-API's answer to an expired, revoked or malformed access token (401/403 whose error text speaks of
/// the access/security token), as opposed to a 403 for missing roles, which a fresh token would not fix.
/// </summary>
internal static class AccessTokenRejection
{
    private static readonly string[] Verdicts = ["expired", "invalid", "revoked", "malformed"];

    private static readonly Task<bool> NotRejected = Task.FromResult(false);

    // Not async for the usual answer (neither 401 nor 403): an async method costs start-up JIT time even when it completes at once.
    public static Task<bool> IsRejectedTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? ReadVerdictAsync(response, cancellationToken) : NotRejected;

    private static async Task<bool> ReadVerdictAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Buffer so the generated client can still read the body if we hand this response back.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return SpApiException.ParseErrors(body).Any(IsTokenError);
    }

    public static bool IsTokenError(SpApiError error)
    {
        var text = $"{error.Message} {error.Details}";
        return text.Contains("token", StringComparison.OrdinalIgnoreCase) &&
               Verdicts.Any(v => text.Contains(v, StringComparison.OrdinalIgnoreCase));
    }
}
