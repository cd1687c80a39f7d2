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
    // Locks, outermost first: a pipeline's, then the services' own (its stages resolve them), then the transport's.
    // So the token exchange (which needs only the transport) never waits for a pipeline being built.
    private readonly object _spApiLock = new(), _tokensLock = new(), _transportLock = new();
    private SocketsHttpHandler? _transport;
    private HttpMessageHandler? _spApi;
    private HttpMessageHandler? _tokens;
    private volatile bool _disposed;
    private int _spApiClientsMade;

    public HttpClient CreateClient(string name)
    {
        // The pipelines and the transport live as long as the services: never disposed with a client. A generated
        // client asks for its HttpClient on its first call (SellingPartnerClient.Get), so the SP-API pipeline is built
        // then, while the prefetched token is on its way.
        var client = new HttpClient(CreateHandler(name), disposeHandler: false);
        if (name == SellingPartnerClientFactory.PipelineName)
        {
            Interlocked.Increment(ref _spApiClientsMade);
            SpApiServiceWiring.ConfigurePipelineClient(services, client);
        }
        return client;
    }

    public HttpMessageHandler CreateHandler(string name) => name switch
    {
        SellingPartnerClientFactory.PipelineName => Built(ref _spApi, _spApiLock, withRestrictedDataTokens: true),
        SpApiServiceWiring.TokensPipelineName => Built(ref _tokens, _tokensLock, withRestrictedDataTokens: false),
        _ => Transport(),
    };

    /// <summary>How many HttpClients over the SP-API pipeline were made (tests: a generated client makes its own on its first call).</summary>
    internal int SpApiClientsMade => Volatile.Read(ref _spApiClientsMade);

    /// <summary>Whether the named pipeline was built (tests: a client's pipeline is built on its first call).</summary>
    internal bool IsBuilt(string name) =>
        Volatile.Read(ref name == SellingPartnerClientFactory.PipelineName ? ref _spApi : ref _tokens) is not null;

    private HttpMessageHandler Built(ref HttpMessageHandler? pipeline, object gate, bool withRestrictedDataTokens)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref pipeline) is { } built) return built;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (pipeline is null) Volatile.Write(ref pipeline, Pipeline(withRestrictedDataTokens));
            return pipeline;
        }
    }

    private HttpMessageHandler Pipeline(bool withRestrictedDataTokens)
    {
        var stages = new SpApiPipelineOptions();
        SpApiServiceWiring.UseDefaultStages(stages);
        var handlers = SpApiPipelineBuilder.CreateHandlers(services, stages, sp => SpApiServiceWiring.CreateAuthHandler(sp, withRestrictedDataTokens));
        return SpApiPipelineBuilder.Link(handlers, Transport());
    }

    // SP-API and LWA never redirect: following one would carry x-amz-access-token or the client secret along.
    private SocketsHttpHandler Transport()
    {
        lock (_transportLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _transport ??= new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        // Taking each lock waits for a build in progress, which then sees _disposed no more: its result is disposed here.
        // A chain disposes its inner handlers, the shared transport last (disposing it twice is harmless).
        lock (_spApiLock) _spApi?.Dispose();
        lock (_tokensLock) _tokens?.Dispose();
        lock (_transportLock) _transport?.Dispose();
    }
}
