using Microsoft.Extensions.Logging.Abstractions;
using SpApi.Auth.Endpoints;
using SpApi.Auth.Lwa;

namespace SpApi.Cli.Commands;

/// <summary>
/// <c>spapi auth exchange-code</c>: trade the <c>spapi_oauth_code</c> of a consent redirect for the partner's
/// refresh token. The token is a secret: it is written to a file (owner-only), never printed.
/// </summary>
public sealed class AuthExchangeCodeCommand : ICliCommand
{
    public string Name => "auth exchange-code";
    public string Summary => "Exchange an spapi_oauth_code for the partner's refresh token (written to a file, never printed).";
    public string Usage => """
        Options:
          --code CODE           the spapi_oauth_code from the redirect, required
          --out FILE            where to write the refresh token, required (created with owner-only permissions)
          --redirect-uri URI    the redirect URI used in the consent URL, if any
          --lwa-endpoint URI    LWA token endpoint (default https://api.amazon.com/auth/o2/token;
                                http://127.0.0.1… for the local sandbox)
        The app's credentials come from SPAPI_CLIENT_ID and SPAPI_CLIENT_SECRET.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var code = args.String("code") ?? throw new CliUsageException("--code is required.");
        var output = args.String("out") ?? throw new CliUsageException("--out FILE is required (the refresh token is never printed).");
        var redirect = args.String("redirect-uri") is { } r ? new Uri(r, UriKind.Absolute) : null;
        var endpoint = args.String("lwa-endpoint") is { } e ? new Uri(e, UriKind.Absolute) : SpApiEndpoints.LwaTokenEndpoint;
        args.ThrowOnUnknown();
        if (!endpoint.IsLoopback && endpoint.Scheme != Uri.UriSchemeHttps)
            throw new CliUsageException("--lwa-endpoint must be HTTPS (or a loopback address for the local sandbox).");
        var clientId = Environment.GetEnvironmentVariable("SPAPI_CLIENT_ID");
        var clientSecret = Environment.GetEnvironmentVariable("SPAPI_CLIENT_SECRET");
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(clientSecret))
            throw new CliUsageException("set SPAPI_CLIENT_ID and SPAPI_CLIENT_SECRET to your app's LWA credentials.");

        using var http = new HttpClient();
        var lwa = new LwaClient(() => http, new LwaClientOptions { Endpoint = endpoint, AllowLoopback = endpoint.IsLoopback }, TimeProvider.System, NullLogger<LwaClient>.Instance);
        LwaToken token;
        try { token = await lwa.ExchangeCodeAsync(new LwaCredentials(clientId, clientSecret), code, redirect, cancellationToken); }
        catch (LwaException ex)
        {
            context.Error.WriteLine($"spapi auth exchange-code: LWA refused the code: {ex.Message}");
            return ExitCodes.Failed;
        }
        if (string.IsNullOrEmpty(token.RefreshToken))
        {
            context.Error.WriteLine("spapi auth exchange-code: LWA answered without a refresh token.");
            return ExitCodes.Failed;
        }

        await WriteSecretAsync(output, token.RefreshToken, cancellationToken);
        context.Out.WriteLine($"refresh token written to {Path.GetFullPath(output)}");
        return ExitCodes.Ok;
    }

    private static async Task WriteSecretAsync(string path, string secret, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new FileStream(path, options);
        await using var writer = new StreamWriter(file);
        await writer.WriteAsync(secret.AsMemory(), ct);
    }
}
