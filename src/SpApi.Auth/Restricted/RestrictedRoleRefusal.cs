using SpApi.Runtime;

namespace SpApi.Auth.Restricted;

/// <summary>
/// Recognises the Tokens API's refusal of an RDT because the application (or the seller's authorization) lacks the
/// restricted role: <c>400 InvalidInput</c> "Application does not have access to one or more requested data elements: [...]"
/// or "Application do not have access to some or all requested resource", or a 403 that is not about the access token.
/// </summary>
public static class RestrictedRoleRefusal
{
    /// <summary>True when Amazon refused an RDT because the application lacks the role (not for other errors).</summary>
    public static bool IsRoleRefusal(SpApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode switch
        {
            400 => exception.Errors.Any(e => e.Message?.Contains("not have access", StringComparison.OrdinalIgnoreCase) == true),
            403 => exception.Errors.Count > 0 && !exception.Errors.Any(Handlers.AccessTokenRejection.IsTokenError),
            _ => false,
        };
    }
}
