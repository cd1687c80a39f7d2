using SpApi.Auth.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SpApi.Auth.Restricted;

namespace SpApi.Auth.Tests.Support;

/// <summary>The real DI wiring with fake LWA, SP-API, RDT source, clock and log capture.</summary>
internal sealed class AuthTestHost : IDisposable
{
    public const string ClientSecret = "client-secret-DO-NOT-LEAK";
    public const string RefreshToken = "Atzr|default-refresh-DO-NOT-LEAK";

    private AuthTestHost(ServiceProvider services, FakeTimeProvider time, FakeLwa lwa, FakeSpApi spApi, FakeRdtSource rdt)
    {
        Services = services;
        Time = time;
        Lwa = lwa;
        SpApi = spApi;
        Rdt = rdt;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public FakeLwa Lwa { get; }
    public FakeSpApi SpApi { get; }
    public FakeRdtSource Rdt { get; }

    public IFakeOrdersClient Orders => Services.GetRequiredService<IFakeOrdersClient>();
    public ISellingPartnerClientFactory Factory => Services.GetRequiredService<ISellingPartnerClientFactory>();
    public CapturingLoggerProvider Logs { get; private init; } = new();

    public static AuthTestHost Create(Action<SellingPartnerOptions>? configure = null, Action<SellingPartnerApiBuilder>? build = null,
        bool generatedClients = false)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var lwa = new FakeLwa();
        var spApi = new FakeSpApi();
        var rdt = new FakeRdtSource();
        var services = new ServiceCollection();
        var logs = new CapturingLoggerProvider();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(time);
        // With the generated clients, RDTs come from the real Tokens client through the pipeline.
        if (!generatedClients) services.AddSingleton<IRestrictedDataTokenSource>(rdt);
        services.AddOptions<SellingPartnerOptions>().Configure(o =>
        {
            o.ClientId = "amzn1.application-oa2-client.test";
            o.ClientSecret = ClientSecret;
            o.RefreshToken = RefreshToken;
            configure?.Invoke(o);
        });
        var clients = (generatedClients ? SpApiClientCatalog.Generated() : SpApiClientCatalog.Empty)
            .With<IFakeOrdersClient, FakeOrdersClient>(http => new FakeOrdersClient(http));
        var builder = services.AddSellingPartnerApiCore("SellingPartnerApi:", clients)
            .ConfigurePrimaryHandler(_ => spApi.Handler)
            .ConfigureLwaPrimaryHandler(_ => lwa.Handler)
            // Auth behaviour is tested on its own (1,000 calls on a fake clock must not queue behind the
            // usage plans); tests of the resilience stages plug them back through 'build'.
            .WithoutStage(PipelineStage.Telemetry).WithoutStage(PipelineStage.Retry).WithoutStage(PipelineStage.RateLimit);
        build?.Invoke(builder);
        return new AuthTestHost(services.BuildServiceProvider(), time, lwa, spApi, rdt) { Logs = logs };
    }

    public void Dispose() => Services.Dispose();
}
