using System.Diagnostics;
using System.Diagnostics.Metrics;
using SpApi.Auth.Telemetry;

namespace SpApi.Cli.Bench;

/// <summary>
/// Listens to the SpApi activity source and meter the way an OpenTelemetry SDK would (every span sampled
/// and recorded, every instrument enabled), doing nothing with the data, so "telemetry on" costs what
/// the pipeline itself spends when someone collects. Exporting is the exporter's cost, not ours.
/// </summary>
internal sealed class TelemetryCollector : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly MeterListener _metrics;
    private long _spansSeen;
    private long _measurementsSeen;

    public TelemetryCollector()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpApiTelemetry.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref _spansSeen),
        };
        ActivitySource.AddActivityListener(_spans);

        _metrics = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SpApiTelemetry.MeterName) listener.EnableMeasurementEvents(instrument);
            },
        };
        _metrics.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurementsSeen));
        _metrics.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurementsSeen));
        _metrics.Start();
    }

    /// <summary>Spans completed since this collector started.</summary>
    public long SpansSeen => Interlocked.Read(ref _spansSeen);

    /// <summary>Measurements (counter adds, histogram records) since this collector started.</summary>
    public long MeasurementsSeen => Interlocked.Read(ref _measurementsSeen);

    public void Dispose()
    {
        _spans.Dispose();
        _metrics.Dispose();
    }
}
