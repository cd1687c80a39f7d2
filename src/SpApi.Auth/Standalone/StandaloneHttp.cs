using Microsoft.Extensions.DependencyInjection;

using SpApi.Auth.Pipeline;

namespace SpApi.Auth.Standalone;

/// <summary>
/// The HttpClients of <see cref="StandaloneServices"/>, answering the same names as <c>AddSellingPartnerApi</c>'s
/// IHttpClientFactory: the SP-API pipeline and the Tokens pipeline (both built by <see cref="SpApiPipelineBuilder"/>, in
/// <see cref="SpApiPipeline.Order"/>) and the LWA client. All share one transport (one connection pool: the token
/// request and the first call can use the same connection), which never follows redirects and renews its connections
/// every two minutes (DNS changes are seen, as with IHttpClientFactory's handler rotation).
/// </summary>
internal sealed class StandaloneHttp(IServiceProvider services) : IHttpClientFactory, IHttpMessageHandlerFactory, IDisposable
{
    private readonly object _sync = new();
    private SocketsHttpHandler? _transport;
    private HttpMessageHandler? _spApi;
    private HttpMessageHandler? _tokens;
    private bool _disposed;

    public HttpClient CreateClient(string name)
    {
        // The pipelines and the transport live as long as the services: never disposed with a client.
        // A pipeline is built on its client's first send (see DeferredPipeline); the LWA client gets the transport.
        var isPipeline = name is SellingPartnerClientFactory.PipelineName or SpApiServiceWiring.TokensPipelineName;
        var client = new HttpClient(isPipeline ? new DeferredPipeline(this, name) : CreateHandler(name), disposeHandler: false);
        if (name == SellingPartnerClientFactory.PipelineName) SpApiServiceWiring.ConfigurePipelineClient(services, client);
        return client;
    }

    public HttpMessageHandler CreateHandler(string name)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return name switch
            {
                SellingPartnerClientFactory.PipelineName => _spApi ??= Pipeline(withRestrictedDataTokens: true),
                SpApiServiceWiring.TokensPipelineName => _tokens ??= Pipeline(withRestrictedDataTokens: false),
                _ => Transport(),
            };
        }
    }

    /// <summary>Whether the named pipeline was built (tests: a client's pipeline is built on its first send).</summary>
    internal bool IsBuilt(string name)
    {
        lock (_sync) return (name == SellingPartnerClientFactory.PipelineName ? _spApi : _tokens) is not null;
    }

    private HttpMessageHandler Pipeline(bool withRestrictedDataTokens)
    {
        var stages = new SpApiPipelineOptions();
        SpApiServiceWiring.UseDefaultStages(stages);
        var handlers = SpApiPipelineBuilder.CreateHandlers(services, stages, sp => SpApiServiceWiring.CreateAuthHandler(sp, withRestrictedDataTokens));
        return SpApiPipelineBuilder.Link(handlers, Transport());
    }

    // SP-API and LWA never redirect: following one would carry x-amz-access-token or the client secret along.
    private SocketsHttpHandler Transport() =>
        _transport ??= new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) };

    /// <summary>
    /// Sends through the named pipeline, built on the first send rather than when the client is made: a standalone
    /// client is ready sooner, and the build runs while the prefetched token is still on its way. One field read per
    /// call after that. Building checks for disposal as <see cref="CreateHandler"/> does.
    /// </summary>
    private sealed class DeferredPipeline(StandaloneHttp http, string name) : HttpMessageHandler
    {
        private HttpMessageInvoker? _pipeline;

        private HttpMessageInvoker Pipeline() => _pipeline ??= new HttpMessageInvoker(http.CreateHandler(name), disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Pipeline().SendAsync(request, cancellationToken);

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Pipeline().Send(request, cancellationToken);
    }

    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed) return;
            _disposed = true;
        }
        // A chain disposes its inner handlers, the shared transport last (disposing it twice is harmless).
        _spApi?.Dispose();
        _tokens?.Dispose();
        _transport?.Dispose();
    }
}
