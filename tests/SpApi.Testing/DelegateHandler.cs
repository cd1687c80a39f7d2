namespace SpApi.Testing;

/// <summary>A terminal handler from a delegate, for behaviour MockHttp cannot script (hanging until cancelled).</summary>
public sealed class DelegateHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        send(request, cancellationToken);
}
