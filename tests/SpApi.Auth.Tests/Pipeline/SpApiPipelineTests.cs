using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using SpApi.Auth.Handlers;
using SpApi.Auth.Pipeline;
using SpApi.Auth.Tests.Support;
using SpApi.Auth.Tests.Resilience.Support;

namespace SpApi.Auth.Tests.Pipeline;

public class SpApiPipelineTests
{
    /// <summary>Records the order stages see a request in, and whether it already carried a token.</summary>
    private sealed class RecordingStage(PipelineStage stage, ConcurrentQueue<string> log, int attempts = 1) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage? response = null;
            for (var i = 0; i < attempts; i++)
            {
                log.Enqueue($"{stage}{(request.Headers.Contains("x-amz-access-token") ? "+token" : "")}");
                response?.Dispose();
                response = await base.SendAsync(request, cancellationToken);
            }
            return response!;
        }
    }

    [Test]
    public void DocumentedOrder_IsEndpointTelemetryRetryRateLimitAuth() =>
        Assert.That(SpApiPipeline.Order, Is.EqualTo(new[]
            { PipelineStage.Endpoint, PipelineStage.Telemetry, PipelineStage.Retry, PipelineStage.RateLimit, PipelineStage.Auth }));

    [Test]
    public void Builder_CreatesStagesInTheDocumentedOrder_WithPassThroughsForUnpluggedStages()
    {
        var log = new ConcurrentQueue<string>();
        var options = new SpApiPipelineOptions().Use(PipelineStage.Retry, _ => new RecordingStage(PipelineStage.Retry, log));
        var auth = new RecordingStage(PipelineStage.Auth, log);

        var handlers = SpApiPipelineBuilder.CreateHandlers(new ServiceCollection().BuildServiceProvider(), options, _ => auth);

        // No resolver registered: the endpoint stage passes through (the auth stage still resolves on its own).
        Assert.That(handlers, Has.Count.EqualTo(5));
        Assert.That(handlers[0], Is.InstanceOf<PassThroughHandler>().With.Property(nameof(PassThroughHandler.Stage)).EqualTo(PipelineStage.Endpoint));
        Assert.That(handlers[1], Is.InstanceOf<PassThroughHandler>().With.Property(nameof(PassThroughHandler.Stage)).EqualTo(PipelineStage.Telemetry));
        Assert.That(handlers[2], Is.InstanceOf<RecordingStage>());
        Assert.That(handlers[3], Is.InstanceOf<PassThroughHandler>().With.Property(nameof(PassThroughHandler.Stage)).EqualTo(PipelineStage.RateLimit));
        Assert.That(handlers[4], Is.SameAs(auth));

        var transport = new HttpClientHandler();
        var outer = SpApiPipelineBuilder.Link(handlers, transport);
        Assert.That(outer, Is.SameAs(handlers[0]));
        Assert.That(handlers[4].InnerHandler, Is.SameAs(transport));
    }

    [TestCase(PipelineStage.Auth)]
    [TestCase(PipelineStage.Endpoint)]
    public void BuiltInStages_CannotBeReplaced(PipelineStage stage) =>
        Assert.Throws<ArgumentException>(() => new SpApiPipelineOptions().Use(stage, _ => new PassThroughHandler(stage)));

    [Test]
    public async Task DiPipeline_RunsPluggedStagesInOrder_AuthInnermostAndOncePerAttempt()
    {
        var log = new ConcurrentQueue<string>();
        using var host = AuthTestHost.Create(build: b => b
            .UseStage(PipelineStage.RateLimit, _ => new RecordingStage(PipelineStage.RateLimit, log))
            .UseStage(PipelineStage.Telemetry, _ => new RecordingStage(PipelineStage.Telemetry, log))
            .UseStage(PipelineStage.Retry, _ => new RecordingStage(PipelineStage.Retry, log, attempts: 2)));

        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        // Retry replays twice: rate limit and auth run once per attempt; the second attempt arrives already stamped.
        Assert.That(log, Is.EqualTo(new[] { "Telemetry", "Retry", "RateLimit", "Retry+token", "RateLimit+token" }));
        Assert.That(host.SpApi.Sent, Has.Count.EqualTo(2));
        Assert.That(host.SpApi.Sent.Select(s => s.Token), Is.All.Not.Null);
    }

    [Test]
    public void DiPipeline_HandlerChainEndsWithAuthOverTheTransport()
    {
        using var host = AuthTestHost.Create();
        var chain = HandlerChain.From(host.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(SellingPartnerClientFactory.PipelineName));

        var stages = chain.Select(h => h switch
        {
            PassThroughHandler p => p.Stage.ToString(),
            SellerEndpointHandler => "Endpoint",
            AuthHandler => "Auth",
            _ => null,
        }).Where(s => s is not null);
        Assert.That(stages, Is.EqualTo(new[] { "Endpoint", "Telemetry", "Retry", "RateLimit", "Auth" }));
        Assert.That(chain.IndexOf(chain.OfType<AuthHandler>().Single()), Is.GreaterThan(chain.IndexOf(chain.OfType<PassThroughHandler>().Last())));
    }

    [Test]
    public void AddSellingPartnerApi_PlugsTelemetryRetryAndRateLimitByDefault_AndWithoutStageRemovesOne()
    {
        static List<string> Chain(Action<SellingPartnerApiBuilder>? build = null)
        {
            var services = new ServiceCollection();
            var builder = services.AddSellingPartnerApi(o => { o.ClientId = "id"; o.ClientSecret = "secret"; o.RefreshToken = "Atzr|r"; });
            build?.Invoke(builder);
            using var sp = services.BuildServiceProvider();
            var names = HandlerChain.From(sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(SellingPartnerClientFactory.PipelineName))
                .Select(h => h is PassThroughHandler p ? "PassThrough:" + p.Stage : h.GetType().Name);
            return names.Where(n => n.EndsWith("Handler", StringComparison.Ordinal) && n != "HttpClientHandler" && n != "SocketsHttpHandler" || n.StartsWith("PassThrough", StringComparison.Ordinal)).ToList();
        }

        var defaults = Chain();
        Assert.That(defaults.SkipWhile(n => n != "SellerEndpointHandler").Take(5),
            Is.EqualTo(new[] { "SellerEndpointHandler", "TelemetryHandler", "RetryHandler", "RateLimitHandler", "AuthHandler" }));

        var withoutRetry = Chain(b => b.WithoutStage(PipelineStage.Retry));
        Assert.That(withoutRetry, Does.Contain("PassThrough:Retry").And.Not.Contain("RetryHandler"));
    }
}
