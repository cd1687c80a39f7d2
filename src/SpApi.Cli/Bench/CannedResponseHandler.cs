using System.Net;

namespace SpApi.Cli.Bench;

/// <summary>
/// The in-memory transport: answers each request synchronously with the canned body for its path and
/// the headers SP-API sends, so a benchmark measures client work only (no sockets, no server).
/// </summary>
internal sealed class CannedResponseHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Respond(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Respond(request);

    private static HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var body = BenchPayloads.ForPath(request.RequestUri?.AbsolutePath ?? "");
        if (body is null) return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };

        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(body) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        foreach (var (name, value) in SpApiResponseHeaders.Typical)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }
}

/// <summary>Response headers a real SP-API call returns (both benchmark transports send them).</summary>
internal static class SpApiResponseHeaders
{
    public static readonly IReadOnlyList<(string Name, string Value)> Typical =
    [
        ("Date", "Sun, 01 Mar 2026 00:00:00 GMT"),
        ("x-amzn-RequestId", "5e0a3b8e-7f0c-4c1e-9f6b-2a1d3c4b5a69"),
        ("x-amzn-RateLimit-Limit", "0.0167"),
        ("x-amz-apigw-id", "ZsXq3EoLIAMEKpA="),
        ("X-Amzn-Trace-Id", "Root=1-65f0c0de-0123456789abcdef01234567"),
    ];
}
