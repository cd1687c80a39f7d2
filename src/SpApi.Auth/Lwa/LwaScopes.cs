namespace SpApi.Auth.Lwa;

/// <summary>Scopes for the <c>client_credentials</c> grant used by grantless operations.</summary>
public static class LwaScopes
{
    /// <summary>Notifications API destinations and subscription-by-id operations.</summary>
    public const string Notifications = "sellingpartnerapi::notifications";

    /// <summary>Application Management API <c>rotateApplicationClientSecret</c>.</summary>
    public const string ClientCredentialRotation = "sellingpartnerapi::client_credential:rotation";
}
