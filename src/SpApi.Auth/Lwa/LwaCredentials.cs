namespace SpApi.Auth.Lwa;

/// <summary>An application's Login with Amazon client id and secret. <see cref="ToString"/> never prints the secret.</summary>
public sealed record LwaCredentials
{
    public LwaCredentials(string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public override string ToString() => $"LwaCredentials {{ ClientId = {ClientId}, ClientSecret = *** }}";
}
