using System.Diagnostics.Metrics;
using SpApi.Auth.Telemetry;
using SpApi.Auth.Tests.Resilience.Support;

namespace SpApi.Auth.Tests.Telemetry;

public class SpApiMetricsTests
{
    [Test]
    public async Task Meter_and_instruments_are_created_by_the_first_call_not_at_start_up()
    {
        using var factory = new CountingMeterFactory();
        using var metrics = new SpApiMetrics(factory);
        var handler = new TelemetryHandler(new TelemetryHandlerOptions(), metrics, new TestClock());
        Assert.That(factory.Created, Is.Empty, "building the stage creates no meter");

        using var invoker = HandlerChain.Of(new DelegateHandler((_, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK))), handler);
        using var response = await invoker.SendAsync(TestOperations.Request(TestOperations.GetOrders), CancellationToken.None);

        Assert.That(factory.Created.Select(m => m.Name), Is.EqualTo(new[] { SpApiTelemetry.MeterName }));
        Assert.That(metrics.Meter, Is.SameAs(factory.Created[0]), "one meter, made once");
    }

    [Test]
    public void A_listener_sees_the_instruments_when_they_are_created()
    {
        using var metrics = new SpApiMetrics();
        var published = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter)) published.Add(instrument.Name);
            },
        };
        listener.Start();
        Assert.That(published, Is.Empty);

        _ = metrics.Requests;

        Assert.That(published, Does.Contain(SpApiTelemetry.RequestsInstrument).And.Contain(SpApiTelemetry.DurationInstrument));
    }

    private sealed class CountingMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Created) meter.Dispose();
        }
    }
}
