using System.Diagnostics;

namespace SpApi.Auth.Telemetry;

/// <summary>
/// Names to subscribe to with OpenTelemetry:
/// <c>.WithMetrics(m =&gt; m.AddMeter(SpApiTelemetry.MeterName))</c> and
/// <c>.WithTracing(t =&gt; t.AddSource(SpApiTelemetry.ActivitySourceName))</c>.
/// </summary>
public static class SpApiTelemetry
{
    /// <summary>Name of the <see cref="System.Diagnostics.Metrics.Meter"/> holding every SP-API instrument.</summary>
    public const string MeterName = "SpApi";

    /// <summary>Name of the <see cref="System.Diagnostics.ActivitySource"/> that emits one span per SP-API call.</summary>
    public const string ActivitySourceName = "SpApi";

    /// <summary>Counter: completed calls, tagged by operation and final status.</summary>
    public const string RequestsInstrument = "spapi.client.requests";

    /// <summary>Counter: 429 responses seen on the wire (retried or not).</summary>
    public const string ThrottledInstrument = "spapi.client.throttled";

    /// <summary>Counter: retries scheduled.</summary>
    public const string RetriesInstrument = "spapi.client.retries";

    /// <summary>
    /// Counter: calls served with the LWA token because an automatic RDT was refused for lack of restricted roles
    /// (tag <c>spapi.fallback.reason</c>: <c>refused</c> on the refusal, <c>remembered</c> while it is remembered).
    /// </summary>
    public const string RdtFallbacksInstrument = "spapi.client.rdt.fallbacks";

    /// <summary>Histogram (seconds): time a call waited in the client-side rate limiter.</summary>
    public const string LimiterWaitInstrument = "spapi.client.ratelimit.wait";

    /// <summary>Histogram (seconds): call duration including retries and limiter waits.</summary>
    public const string DurationInstrument = "spapi.client.request.duration";

    /// <summary>Tag names used on metrics and spans.</summary>
    public static class Tags
    {
        /// <summary>The operation key (<c>modelFile#operationId</c>).</summary>
        public const string Operation = "spapi.operation";
        /// <summary>The API and version, e.g. <c>Orders V0</c>.</summary>
        public const string Api = "spapi.api";
        /// <summary>The seller name (never its tokens).</summary>
        public const string Seller = "spapi.seller";
        /// <summary>Amazon's <c>x-amzn-RequestId</c>.</summary>
        public const string RequestId = "spapi.request_id";
        /// <summary>How many times the call was retried.</summary>
        public const string Retries = "spapi.retries";
        /// <summary>True when Amazon answered 429 at least once.</summary>
        public const string Throttled = "spapi.throttled";
        /// <summary>Time spent waiting in the client-side limiter, in milliseconds.</summary>
        public const string LimiterWaitMs = "spapi.ratelimit.wait_ms";
        /// <summary>The final HTTP status (OpenTelemetry semantic convention).</summary>
        public const string StatusCode = "http.response.status_code";
        /// <summary>The HTTP method (OpenTelemetry semantic convention).</summary>
        public const string Method = "http.request.method";
        /// <summary>The SP-API host (OpenTelemetry semantic convention).</summary>
        public const string ServerAddress = "server.address";
        /// <summary>The error class of a failed call (OpenTelemetry semantic convention).</summary>
        public const string ErrorType = "error.type";
        /// <summary>Why a restricted call fell back to the LWA token (<c>refused</c> or <c>remembered</c>).</summary>
        public const string FallbackReason = "spapi.fallback.reason";
    }

    internal static readonly ActivitySource ActivitySource =
        new(ActivitySourceName, typeof(SpApiTelemetry).Assembly.GetName().Version?.ToString());
}
