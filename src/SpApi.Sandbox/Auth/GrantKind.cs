namespace SpApi.Sandbox.Auth;

/// <summary>LWA grant types, named as on the wire.</summary>
public static class GrantKind
{
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";
    public const string AuthorizationCode = "authorization_code";

    public static IReadOnlyList<string> All { get; } = [RefreshToken, ClientCredentials, AuthorizationCode];
}
