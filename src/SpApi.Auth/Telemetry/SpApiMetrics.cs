using System.Diagnostics.Metrics;

namespace SpApi.Auth.Telemetry;

/// <summary>
/// The SP-API instruments on the <see cref="SpApiTelemetry.MeterName"/> meter. Register one per application
/// (a singleton): handlers are recreated by IHttpClientFactory, instruments must not be.
/// </summary>
public sealed class SpApiMetrics : IDisposable
{
    private static readonly Lazy<SpApiMetrics> LazyShared = new(() => new SpApiMetrics());

    /// <summary>Creates the instruments, on a meter from <paramref name="meterFactory"/> when given (DI), else on a new meter.</summary>
    public SpApiMetrics(IMeterFactory? meterFactory = null)
    {
        var version = typeof(SpApiMetrics).Assembly.GetName().Version?.ToString();
        Meter = meterFactory?.Create(SpApiTelemetry.MeterName, version) ?? new Meter(SpApiTelemetry.MeterName, version);
        Requests = Meter.CreateCounter<long>(SpApiTelemetry.RequestsInstrument, "{request}", "SP-API calls completed, by operation and final HTTP status.");
        Throttled = Meter.CreateCounter<long>(SpApiTelemetry.ThrottledInstrument, "{response}", "429 QuotaExceeded responses received on the wire.");
        Retries = Meter.CreateCounter<long>(SpApiTelemetry.RetriesInstrument, "{retry}", "Retries scheduled after 429s and transient faults.");
        RdtFallbacks = Meter.CreateCounter<long>(SpApiTelemetry.RdtFallbacksInstrument, "{call}", "Calls served with the LWA token after an automatic RDT was refused for lack of restricted roles.");
        LimiterWait = Meter.CreateHistogram<double>(SpApiTelemetry.LimiterWaitInstrument, "s", "Time a call waited for a usage-plan token in the client.");
        Duration = Meter.CreateHistogram<double>(SpApiTelemetry.DurationInstrument, "s", "SP-API call duration, including retries and limiter waits.");
    }

    /// <summary>The instance used by handlers that were given none.</summary>
    public static SpApiMetrics Shared => LazyShared.Value;

    /// <summary>The meter the SP-API instruments are created on.</summary>
    public Meter Meter { get; }
    internal Counter<long> Requests { get; }
    internal Counter<long> Throttled { get; }
    internal Counter<long> Retries { get; }
    internal Counter<long> RdtFallbacks { get; }
    internal Histogram<double> LimiterWait { get; }
    internal Histogram<double> Duration { get; }

    /// <summary>True when a listener records at least one of the instruments.</summary>
    internal bool AnyEnabled => Requests.Enabled || Duration.Enabled || Throttled.Enabled || Retries.Enabled || LimiterWait.Enabled;

    /// <summary>Disposes the meter.</summary>
    public void Dispose() => Meter.Dispose();
}
