using System.Diagnostics.Metrics;

namespace SpApi.Auth.Telemetry;

/// <summary>
/// The SP-API instruments on the <see cref="SpApiTelemetry.MeterName"/> meter. Register one per application
/// (a singleton): handlers are recreated by IHttpClientFactory, instruments must not be.
/// </summary>
public sealed class SpApiMetrics : IDisposable
{
    private static readonly Lazy<SpApiMetrics> LazyShared = new(() => new SpApiMetrics());
    private readonly IMeterFactory? _meterFactory;
    private readonly object _sync = new();
    private Meter? _meter;
    private Instruments? _instruments;
    private bool _disposed;

    /// <summary>
    /// The instruments, on a meter from <paramref name="meterFactory"/> when given (DI), else on a new meter. They are
    /// created on first use (the first call, or <see cref="Meter"/>), not at start-up; listeners see them then.
    /// </summary>
    public SpApiMetrics(IMeterFactory? meterFactory = null) => _meterFactory = meterFactory;

    /// <summary>The instance used by handlers that were given none.</summary>
    public static SpApiMetrics Shared => LazyShared.Value;

    /// <summary>The meter the SP-API instruments are created on.</summary>
    public Meter Meter => Volatile.Read(ref _meter) ?? CreateMeter();
    internal Counter<long> Requests => Get().Requests;
    internal Counter<long> Throttled => Get().Throttled;
    internal Counter<long> Retries => Get().Retries;
    internal Counter<long> RdtFallbacks => Get().RdtFallbacks;
    internal Histogram<double> LimiterWait => Get().LimiterWait;
    internal Histogram<double> Duration => Get().Duration;

    /// <summary>True when a listener records at least one of the instruments the telemetry stage records per call.</summary>
    internal bool AnyEnabled
    {
        get
        {
            if (Volatile.Read(ref _disposed)) return false; // disposed with its container: nothing records any more
            var i = Get();
            return i.Requests.Enabled || i.Duration.Enabled || i.Throttled.Enabled || i.Retries.Enabled || i.LimiterWait.Enabled;
        }
    }

    private Instruments Get() => Volatile.Read(ref _instruments) ?? Create();

    // The meter is published before its instruments: a listener's InstrumentPublished callback may ask for it.
    private Meter CreateMeter()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_meter is not null) return _meter;
            var version = typeof(SpApiMetrics).Assembly.GetName().Version?.ToString();
            var meter = _meterFactory?.Create(SpApiTelemetry.MeterName, version) ?? new Meter(SpApiTelemetry.MeterName, version);
            Volatile.Write(ref _meter, meter);
            return meter;
        }
    }

    private Instruments Create()
    {
        var meter = Meter;
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_instruments is null) Volatile.Write(ref _instruments, new Instruments(meter));
            return _instruments;
        }
    }

    /// <summary>Disposes the meter (if it was created).</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _meter?.Dispose();
        }
    }

    private sealed class Instruments
    {
        public Instruments(Meter meter)
        {
            Requests = meter.CreateCounter<long>(SpApiTelemetry.RequestsInstrument, "{request}", "SP-API calls completed, by operation and final HTTP status.");
            Throttled = meter.CreateCounter<long>(SpApiTelemetry.ThrottledInstrument, "{response}", "429 QuotaExceeded responses received on the wire.");
            Retries = meter.CreateCounter<long>(SpApiTelemetry.RetriesInstrument, "{retry}", "Retries scheduled after 429s and transient faults.");
            RdtFallbacks = meter.CreateCounter<long>(SpApiTelemetry.RdtFallbacksInstrument, "{call}", "Calls served with the LWA token after an automatic RDT was refused for lack of restricted roles.");
            LimiterWait = meter.CreateHistogram<double>(SpApiTelemetry.LimiterWaitInstrument, "s", "Time a call waited for a usage-plan token in the client.");
            Duration = meter.CreateHistogram<double>(SpApiTelemetry.DurationInstrument, "s", "SP-API call duration, including retries and limiter waits.");
        }

        public Counter<long> Requests { get; }
        public Counter<long> Throttled { get; }
        public Counter<long> Retries { get; }
        public Counter<long> RdtFallbacks { get; }
        public Histogram<double> LimiterWait { get; }
        public Histogram<double> Duration { get; }
    }
}
