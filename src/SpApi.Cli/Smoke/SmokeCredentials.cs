namespace SpApi.Cli.Smoke;

/// <summary>LWA credentials of the application and one seller the smoke run acts for. ToString never shows secrets.</summary>
public sealed record SmokeCredentials(string ClientId, string ClientSecret, string RefreshToken)
{
    public const string ClientIdVariable = "SPAPI_CLIENT_ID";
    public const string ClientSecretVariable = "SPAPI_CLIENT_SECRET";
    public const string RefreshTokenVariable = "SPAPI_REFRESH_TOKEN";

    /// <summary>From the environment, or null with the names of the missing variables.</summary>
    public static (SmokeCredentials? Credentials, IReadOnlyList<string> Missing) FromEnvironment()
    {
        var values = new[] { ClientIdVariable, ClientSecretVariable, RefreshTokenVariable }
            .Select(n => (Name: n, Value: Environment.GetEnvironmentVariable(n))).ToArray();
        var missing = values.Where(v => string.IsNullOrWhiteSpace(v.Value)).Select(v => v.Name).ToArray();
        return missing.Length > 0 ? (null, missing) : (new SmokeCredentials(values[0].Value!, values[1].Value!, values[2].Value!), []);
    }

    public override string ToString() => $"SmokeCredentials {{ ClientId = {ClientId} }}";
}
