using System.Diagnostics;
using System.Diagnostics.Metrics;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.StandIn;

/// <summary>
/// STAND-IN for the Telemetry stage of the SpApi.Auth pipeline (until it is merged): one activity and one
/// duration measurement per call, tagged with the operation read from the request's options.
/// </summary>
internal sealed class StandInTelemetryHandler(TimeProvider time) : DelegatingHandler
{
    private static readonly ActivitySource Source = new("SpApi.Bench.StandIn");
    private static readonly Meter Meter = new("SpApi.Bench.StandIn");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("spapi.client.request.duration", "s");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.GetOperation();
        using var activity = Source.StartActivity(operation?.OperationId ?? "unknown", ActivityKind.Client);
        var started = time.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Duration.Enabled)
            Duration.Record(time.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("spapi.operation", operation?.OperationId),
                new KeyValuePair<string, object?>("http.response.status_code", (int)response.StatusCode));
        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        return response;
    }
}
