namespace SpApi.Auth.Lwa;

/// <summary>The three Login with Amazon grants SP-API uses.</summary>
public interface ILwaClient
{
    /// <summary><c>refresh_token</c> grant: an access token for calls on behalf of one selling partner.</summary>
    Task<LwaToken> RefreshAsync(LwaCredentials app, string refreshToken, CancellationToken cancellationToken);

    /// <summary><c>client_credentials</c> grant: an access token for grantless operations in <paramref name="scope"/>.</summary>
    Task<LwaToken> ClientCredentialsAsync(LwaCredentials app, string scope, CancellationToken cancellationToken);

    /// <summary><c>authorization_code</c> grant: exchanges an <c>spapi_oauth_code</c> for a refresh token.</summary>
    Task<LwaToken> ExchangeCodeAsync(LwaCredentials app, string code, Uri? redirectUri, CancellationToken cancellationToken);
}
