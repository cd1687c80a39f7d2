namespace SpApi.Auth.Handlers;

/// <summary>
/// SP-API does not redirect. A transport that followed a 3xx would carry <c>x-amz-access-token</c> to the target
/// (HttpClient strips only <c>Authorization</c>), so automatic redirects are turned off on the SP-API transports and
/// <see cref="AuthHandler"/> turns any redirect into an <see cref="UnexpectedRedirectException"/>.
/// </summary>
public static class NoRedirects
{
    /// <summary>Turns off automatic redirects on the known transports (for <c>ConfigurePrimaryHttpMessageHandler</c>).</summary>
    public static void Apply(HttpMessageHandler handler, IServiceProvider? services = null)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets: sockets.AllowAutoRedirect = false; break;
            case HttpClientHandler client: client.AllowAutoRedirect = false; break;
        }
    }

    /// <summary>True for the statuses that carry a <c>Location</c> to follow (301, 302, 303, 307, 308).</summary>
    public static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is 301 or 302 or 303 or 307 or 308;
}

/// <summary>
/// An SP-API host answered with a redirect. It was not followed and no token was sent to the target;
/// <see cref="Target"/> names the target's origin (scheme, host, port) only.
/// </summary>
public sealed class UnexpectedRedirectException(int statusCode, string? target, string? requestId)
    : InvalidOperationException(
        $"SP-API answered HTTP {statusCode} redirecting to '{target ?? "(no Location)"}'; SP-API does not redirect, so it was not followed " +
        "and no token was sent there" + (requestId is null ? "." : $" (x-amzn-RequestId: {requestId})."))
{
    /// <summary>The redirect status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Origin of the <c>Location</c> (no path or query), or null when there was none or it was unreadable.</summary>
    public string? Target { get; } = target;

    /// <summary>The <c>x-amzn-RequestId</c> of the redirect, when sent.</summary>
    public string? RequestId { get; } = requestId;

    internal static UnexpectedRedirectException For(HttpResponseMessage response, Uri? requestUri)
    {
        string? target = null;
        if (response.Headers.Location is { } location)
        {
            var absolute = location.IsAbsoluteUri ? location : requestUri is null ? null : new Uri(requestUri, location);
            target = absolute is null ? null : absolute.GetLeftPart(UriPartial.Authority);
        }
        var id = response.Headers.TryGetValues("x-amzn-RequestId", out var v) ? v.FirstOrDefault() : null;
        return new UnexpectedRedirectException((int)response.StatusCode, target, id);
    }
}
