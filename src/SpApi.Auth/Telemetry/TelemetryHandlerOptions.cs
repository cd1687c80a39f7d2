using Microsoft.Extensions.Logging;

namespace SpApi.Auth.Telemetry;

/// <summary>Options of <see cref="TelemetryHandler"/>.</summary>
public sealed class TelemetryHandlerOptions
{
    /// <summary>Level of the log event for a call that succeeded (2xx/3xx). Default Debug.</summary>
    public LogLevel SuccessLogLevel { get; set; } = LogLevel.Debug;

    /// <summary>Level of the log event for a call that returned an error status or threw. Default Warning.</summary>
    public LogLevel FailureLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>
    /// Tag metrics with the seller name. Off by default: with many sellers it multiplies the number of
    /// time series. Spans and logs always carry the seller.
    /// </summary>
    public bool TagMetricsWithSeller { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid option.</summary>
    public void Validate()
    {
        if (!IsLevel(SuccessLogLevel)) throw new ArgumentException($"TelemetryHandlerOptions.SuccessLogLevel '{SuccessLogLevel}' is not a log level.");
        if (!IsLevel(FailureLogLevel)) throw new ArgumentException($"TelemetryHandlerOptions.FailureLogLevel '{FailureLogLevel}' is not a log level.");
    }

    // LogLevel's values run from Trace (0) to None (6); a range check rather than Enum.IsDefined, a CoreLib generic over
    // a value type, JIT-compiled on every start (validation runs in Create).
    private static bool IsLevel(LogLevel level) => level is >= LogLevel.Trace and <= LogLevel.None;
}
