namespace SpApi.Sandbox.Auth;

/// <summary>LWA grant types, named as on the wire.</summary>
public static class GrantKind
{
    /// <summary>The <c>refresh_token</c> grant: a seller's access token.</summary>
    public const string RefreshToken = "refresh_token";
    /// <summary>The <c>client_credentials</c> grant: a grantless token.</summary>
    public const string ClientCredentials = "client_credentials";
    /// <summary>The <c>authorization_code</c> grant: a consent code exchanged for a refresh token.</summary>
    public const string AuthorizationCode = "authorization_code";

    /// <summary>Every grant kind the sandbox counts.</summary>
    public static IReadOnlyList<string> All { get; } = [RefreshToken, ClientCredentials, AuthorizationCode];
}
