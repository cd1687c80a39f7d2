using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using SpApi.Auth.Handlers;
using SpApi.Auth.Pipeline;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Resilience;
using SpApi.Auth.Telemetry;
using SpApi.Auth.Tests.Support;
using SpApi.Auth.Tests.Resilience.Support;

namespace SpApi.Auth.Tests.Pipeline;

/// <summary>The resilience handlers plug into the stages of the auth pipeline in the documented order.</summary>
public class ResilienceStagesTests
{
    private static AuthTestHost Host() => AuthTestHost.Create(build: b =>
    {
        b.Services.AddSingleton(sp => new SpApiRateLimiter(new RateLimitHandlerOptions(), sp.GetRequiredService<TimeProvider>()));
        b.Services.AddSingleton(sp => new RetryBudget(new RetryHandlerOptions(), sp.GetRequiredService<TimeProvider>()));
        b.UseStage(PipelineStage.Telemetry, sp => new TelemetryHandler(new TelemetryHandlerOptions(), null, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<TelemetryHandler>>()))
         .UseStage(PipelineStage.Retry, sp => new RetryHandler(new RetryHandlerOptions(), sp.GetRequiredService<RetryBudget>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<RetryHandler>>()))
         .UseStage(PipelineStage.RateLimit, sp => new RateLimitHandler(sp.GetRequiredService<SpApiRateLimiter>(), sp.GetService<ILogger<RateLimitHandler>>()));
    });

    [Test]
    public void PluggedHandlers_StandInTheDocumentedOrder()
    {
        using var host = Host();
        var types = HandlerChain.From(host.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(SellingPartnerClientFactory.PipelineName))
            .Select(h => h.GetType()).ToList();

        Type[] stages = [typeof(TelemetryHandler), typeof(RetryHandler), typeof(RateLimitHandler), typeof(AuthHandler)];
        Assert.That(types.Where(stages.Contains), Is.EqualTo(stages));
    }

    [Test]
    public async Task CallsGoThroughTheRealStages_WithTheirToken()
    {
        using var host = Host();

        await host.Orders.SendAsync(Ops.ConfirmShipment, "/orders/v0/orders/1/shipmentConfirmation");

        Assert.That(host.SpApi.Sent.Single().Token, Is.EqualTo($"access-{AuthTestHost.RefreshToken}-1"));
        Assert.That(host.Logs.AllText(), Does.Not.Contain("access-Atzr"));
    }
}
