using System.Globalization;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.StandIn;

/// <summary>
/// STAND-IN for the Auth stage of the SpApi.Auth pipeline (until it is merged): what it does per call with a
/// cached LWA token (no token request): check the operation and the host, set x-amz-access-token,
/// x-amz-date and user-agent.
/// </summary>
internal sealed class StandInAuthHandler(string cachedAccessToken, TimeProvider time) : DelegatingHandler
{
    private const string UserAgent = "SpApi/0.1 (Language=C#; Platform=.NET)";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.GetOperation()
            ?? throw new InvalidOperationException("The request carries no SpApiRequestOptions.Operation; send it through a generated client.");
        var uri = request.RequestUri!;
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            throw new InvalidOperationException($"Refusing to attach a token to a non-HTTPS host for {operation.OperationId}.");
        request.Headers.TryAddWithoutValidation("x-amz-access-token", cachedAccessToken);
        request.Headers.TryAddWithoutValidation("x-amz-date", time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
