namespace SpApi.Auth.Lwa;

/// <summary>An application's Login with Amazon client id and secret. <see cref="ToString"/> never prints the secret.</summary>
public sealed record LwaCredentials
{
    /// <summary>The application's client id and secret; both are required.</summary>
    public LwaCredentials(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The LWA client id (<c>amzn1.application-oa2-client.…</c>).</summary>
    public string ClientId { get; }

    /// <summary>The LWA client secret. Never logged.</summary>
    public string ClientSecret { get; }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"LwaCredentials {{ ClientId = {ClientId}, ClientSecret = *** }}";
}
