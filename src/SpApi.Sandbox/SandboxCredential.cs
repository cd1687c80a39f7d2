namespace SpApi.Sandbox;

/// <summary>
/// A test application and one seller authorisation the sandbox accepts: LWA client id and secret, and a
/// refresh token standing for <see cref="SellerId"/>. Several entries may share a client (one per seller).
/// </summary>
public sealed record SandboxCredential(string ClientId, string ClientSecret, string RefreshToken, string SellerId)
{
    /// <summary>The credentials a sandbox uses when none are configured (printed by <c>spapi sandbox serve</c>).</summary>
    public static SandboxCredential Default { get; } =
        new("amzn1.application-oa2-client.sandbox", "sandbox-client-secret", "Atzr|sandbox-refresh-token", "A1SANDBOXSELLER");

    /// <summary>Never prints the secret or the refresh token.</summary>
    public override string ToString() => $"SandboxCredential {{ ClientId = {ClientId}, SellerId = {SellerId} }}";
}
