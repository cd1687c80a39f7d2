using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SpApi.Auth.Telemetry;

namespace SpApi.Auth.Tests.Telemetry;

/// <summary>Collects the measurements of one <see cref="SpApiMetrics"/> and the spans of the "SpApi" source.</summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;

    public TelemetryRecorder(SpApiMetrics metrics)
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter)) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Measurements.Enqueue(new(i.Name, v, ToDictionary(tags))));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Measurements.Enqueue(new(i.Name, v, ToDictionary(tags))));
        _meters.Start();
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpApiTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_spans);
    }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();
    public ConcurrentQueue<Activity> Spans { get; } = new();

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToArray();

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags) result[tag.Key] = tag.Value;
        return result;
    }

    public void Dispose()
    {
        _meters.Dispose();
        _spans.Dispose();
    }

    internal sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);
}
