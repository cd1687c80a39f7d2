using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpApi.Auth.Pipeline;
using SpApi.Runtime;

namespace SpApi.Auth.Redis.Tests.Support;

/// <summary>
/// One worker of a fleet: the real DI wiring with <c>UseRedis</c>, a counting Login with Amazon stand-in (shared by the
/// fleet, as Amazon is) and an SP-API stand-in answering with <see cref="Respond"/>. Workers built with the same
/// <see cref="Fleet"/> share a key prefix and an encryption key, as one deployment's workers would.
/// </summary>
internal sealed class FleetWorker : IDisposable
{
    public const string SpApiHost = "https://sellingpartnerapi-na.amazon.com";

    public static readonly OperationMetadata Op = new("bench.json", "Bench", "V0", "fleetOp", "GET", "/fleet/op", new UsagePlan(0.001, 3), false, null);

    /// <summary>What a fleet shares: Redis prefix, token key, Amazon's LWA.</summary>
    internal sealed class Fleet
    {
        public string Prefix { get; init; } = RedisServer.UniquePrefix();
        public string TokenKey { get; init; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        public CountingLwa Lwa { get; init; } = new();
        public string Redis { get; init; } = RedisServer.Endpoint;
    }

    private FleetWorker(ServiceProvider services, Fleet fleet) { Services = services; Of = fleet; }

    public ServiceProvider Services { get; }
    public Fleet Of { get; }
    public int Sent;
    public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => Ok();
    public CapturedLogs Logs { get; private init; } = new();

    public static FleetWorker Create(Fleet fleet, Action<SellingPartnerOptions>? configure = null, Action<SpApiRedisOptions>? redis = null)
    {
        FleetWorker? self = null;
        var services = new ServiceCollection();
        var logs = new CapturedLogs();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSellingPartnerApi(o =>
            {
                o.ClientId = "amzn1.application-oa2-client.fleet";
                o.ClientSecret = "fleet-secret-DO-NOT-LEAK";
                o.RefreshToken = "Atzr|fleet-refresh-DO-NOT-LEAK";
                configure?.Invoke(o);
            })
            .WithoutStage(PipelineStage.Retry)
            .ConfigurePrimaryHandler(_ => new Responder(r => { Interlocked.Increment(ref self!.Sent); return self.Respond(r); }))
            .ConfigureLwaPrimaryHandler(_ => fleet.Lwa)
            .UseRedis(fleet.Redis, o =>
            {
                o.KeyPrefix = fleet.Prefix;
                o.TokenEncryptionKey = fleet.TokenKey;
                redis?.Invoke(o);
            });
        self = new FleetWorker(services.BuildServiceProvider(), fleet) { Logs = logs };
        return self;
    }

    public FleetRedis Redis => Services.GetRequiredService<FleetRedis>();

    public SpApiRedisOptions RedisOptions => Services.GetRequiredService<IOptions<SpApiRedisOptions>>().Value;

    /// <summary>One call of <see cref="Op"/> through the SP-API pipeline.</summary>
    public async Task<HttpResponseMessage> CallAsync(CancellationToken cancellationToken = default)
    {
        var client = Services.GetRequiredService<IHttpClientFactory>().CreateClient(SellingPartnerClientFactory.PipelineName);
        using var request = new HttpRequestMessage(HttpMethod.Get, SpApiHost + Op.PathTemplate);
        request.Options.Set(SpApiRequestOptions.Operation, Op);
        return await client.SendAsync(request, cancellationToken);
    }

    public static HttpResponseMessage Ok(string? rateHeader = null) => Answer(HttpStatusCode.OK, "{\"payload\":{}}", rateHeader);

    public static HttpResponseMessage Throttled() =>
        Answer(HttpStatusCode.TooManyRequests, "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota.\"}]}", null);

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string? rateHeader)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        response.Headers.Add("x-amzn-RequestId", Guid.NewGuid().ToString());
        if (rateHeader is not null) response.Headers.Add("x-amzn-RateLimit-Limit", rateHeader);
        return response;
    }

    public void Dispose() => Services.Dispose();

    private sealed class Responder(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = respond(request);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}

/// <summary>Login with Amazon for the whole fleet: issues a new token per request and counts requests.</summary>
internal sealed class CountingLwa : HttpMessageHandler
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Held until released, to keep a refresh in flight while other workers ask.</summary>
    public TaskCompletionSource? Gate { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _requests);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        var json = $"{{\"access_token\":\"Atza|fleet-access-{n}\",\"token_type\":\"bearer\",\"expires_in\":3600}}";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request };
    }
}

/// <summary>Log lines captured for assertions.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
