using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using SpApi.Cli.Bench;
using SpApi.Runtime;
using SpApi.Runtime.Json;

namespace SpApi.Cli.Tests.Bench;

public class OverheadCaseTests
{
    [Test]
    public async Task AllThreeScenarios_ReturnTheSameResponse()
    {
        var settings = SpApiJson.CreateSettings();
        foreach (var c in OverheadCase.CreateAll(BenchTransport.InMemory))
            using (c)
            {
                var floor = JsonConvert.SerializeObject(await c.FloorAsync(CancellationToken.None), settings);
                var generated = JsonConvert.SerializeObject(await c.GeneratedAsync(CancellationToken.None), settings);
                var pipeline = JsonConvert.SerializeObject(await c.PipelineAsync(CancellationToken.None), settings);

                Assert.That(generated, Is.EqualTo(floor), c.Name);
                Assert.That(pipeline, Is.EqualTo(floor), c.Name);
                Assert.That(floor.Length, Is.GreaterThan(500), c.Name);
            }
    }

    [Test]
    public async Task PipelineScenario_RunsOnACachedLwaToken_WithSpApiHeaders_GeneratedScenarioSendsNone()
    {
        var recorder = new RecordingTransport();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 30, 5, TimeSpan.Zero));
        using var c = new MarketplaceParticipationsCase(recorder.Transport, time);

        for (var i = 0; i < 3; i++) await c.PipelineAsync(CancellationToken.None);
        await c.GeneratedAsync(CancellationToken.None);

        Assert.That(c.Pipeline.Lwa.TokensIssued, Is.EqualTo(1), "one LWA token, then the cache");
        var (piped, plain) = (recorder.Requests[2], recorder.Requests[3]);
        Assert.That(piped.Headers.GetValues("x-amz-access-token").Single(), Is.EqualTo(BenchLwaClient.AccessToken));
        Assert.That(piped.Headers.GetValues("x-amz-date").Single(), Is.EqualTo("20260301T123005Z"));
        Assert.That(piped.Headers.UserAgent.ToString(), Does.StartWith("SpApi/"));
        Assert.That(piped.GetOperation()?.OperationId, Is.EqualTo("getMarketplaceParticipations"));
        Assert.That(plain.Headers.Contains("x-amz-access-token"), Is.False);
        Assert.That(plain.GetOperation()?.OperationId, Is.EqualTo("getMarketplaceParticipations"));
    }

    [Test]
    public async Task PipelineScenario_GoesThroughTheRealTelemetryStage()
    {
        var spans = new List<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == SpApi.Auth.Telemetry.SpApiTelemetry.ActivitySourceName,
            Sample = static (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a.DisplayName); },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var c = new GetOrdersCase(BenchTransport.InMemory, TimeProvider.System);

        await c.GeneratedAsync(CancellationToken.None);
        await c.PipelineAsync(CancellationToken.None);

        lock (spans) Assert.That(spans, Is.EqualTo(new[] { "SpApi getOrders" }), "one span, from the pipeline call only");
    }

    [Test]
    public void FloorScenario_UnknownPath_FailsWithTheStatus()
    {
        var transport = new BenchTransport("empty", () => new CannedResponseHandler(), new Uri("https://sellingpartnerapi-na.amazon.com/nowhere/"));
        using var c = new MarketplaceParticipationsCase(transport, TimeProvider.System);

        var error = Assert.ThrowsAsync<HttpRequestException>(() => c.FloorAsync(CancellationToken.None));
        Assert.That(error!.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
    }

    /// <summary>Serves canned responses and keeps every request it saw.</summary>
    private sealed class RecordingTransport
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        public BenchTransport Transport => new("recording", () => new Recorder(this), new Uri("https://sellingpartnerapi-na.amazon.com/"));

        private sealed class Recorder(RecordingTransport owner) : DelegatingHandler(new CannedResponseHandler())
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                owner.Requests.Add(request);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
