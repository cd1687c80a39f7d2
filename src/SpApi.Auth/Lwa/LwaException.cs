namespace SpApi.Auth.Lwa;

/// <summary>
/// Login with Amazon refused a token request (<c>invalid_grant</c>, <c>invalid_client</c>, <c>unauthorized_client</c>,
/// <c>invalid_scope</c>…) or could not be reached. Carries Amazon's <c>error</c> and <c>error_description</c>;
/// the message never contains the client secret, refresh token or authorization code.
/// </summary>
public sealed class LwaException : Exception
{
    /// <summary>Error used when LWA could not be reached or kept answering 5xx after the bounded retries.</summary>
    public const string UnavailableError = "lwa_unavailable";

    /// <summary>Error used when LWA answered with a redirect (never followed: it would re-post the secrets).</summary>
    public const string RedirectError = "lwa_redirect";

    /// <summary>Creates the exception; the message is built from the error, description, status and grant type only.</summary>
    public LwaException(string error, string? errorDescription, int? statusCode, string grantType, Exception? innerException = null)
        : base(BuildMessage(error, errorDescription, statusCode, grantType), innerException)
    {
        Error = error;
        ErrorDescription = errorDescription;
        StatusCode = statusCode;
        GrantType = grantType;
    }

    /// <summary>Amazon's <c>error</c> code, e.g. <c>invalid_grant</c>, or <see cref="UnavailableError"/>.</summary>
    public string Error { get; }

    /// <summary>Amazon's <c>error_description</c>, when given.</summary>
    public string? ErrorDescription { get; }

    /// <summary>HTTP status of LWA's answer; null when there was none (transport failure).</summary>
    public int? StatusCode { get; }

    /// <summary>The grant that failed: <c>refresh_token</c>, <c>client_credentials</c> or <c>authorization_code</c>.</summary>
    public string GrantType { get; }

    /// <summary>True when retrying later may help (LWA unavailable); false for refusals such as <c>invalid_grant</c>.</summary>
    public bool IsTransient => Error == UnavailableError;

    private static string BuildMessage(string error, string? description, int? status, string grantType) =>
        $"Login with Amazon {grantType} grant failed: {error}" +
        (string.IsNullOrWhiteSpace(description) ? "" : $" - {description}") +
        (status is null ? "" : $" (HTTP {status})");
}
