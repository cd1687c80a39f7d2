using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpApi.Runtime;

namespace SpApi.Auth.Telemetry;

/// <summary>
/// Outermost pipeline stage: one span, one log event and one set of measurements per SP-API call
/// (not per attempt). Retry and limiter figures come from the <see cref="SpApiCallState"/> the inner
/// handlers fill in. Never records headers, bodies or URLs.
/// </summary>
public sealed class TelemetryHandler : DelegatingHandler
{
    private readonly TelemetryHandlerOptions _options;
    private readonly SpApiMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A handler recording traces, metrics and logs per call.</summary>
    public TelemetryHandler(TelemetryHandlerOptions options, SpApiMetrics? metrics = null,
        TimeProvider? timeProvider = null, ILogger<TelemetryHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _metrics = metrics ?? SpApiMetrics.Shared;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<TelemetryHandler>.Instance;
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Nothing listens (no ActivityListener, no MeterListener, logging off): the call passes through without an
        // async layer of its own, which a console app's first call would otherwise pay for in JIT time.
        if (!SpApiTelemetry.ActivitySource.HasListeners() && !_metrics.AnyEnabled
            && !_logger.IsEnabled(_options.SuccessLogLevel) && !_logger.IsEnabled(_options.FailureLogLevel))
            return base.SendAsync(request, cancellationToken);
        return RecordAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> RecordAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var op = request.GetOperation();
        var operation = CallLabels.Operation(request);
        var seller = CallLabels.Seller(request);
        var state = SpApiCallState.GetOrCreate(request);
        using var activity = StartActivity(request, op, operation, seller);
        var start = _time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = _time.GetElapsedTime(start);
            var status = (int)response.StatusCode;
            var requestId = CallLabels.RequestId(response);
            Record(op, operation, seller, state, elapsed, status, errorType: null);
            if (activity is not null)
            {
                activity.SetTag(SpApiTelemetry.Tags.StatusCode, status);
                activity.SetTag(SpApiTelemetry.Tags.RequestId, requestId);
                TagState(activity, state);
                if (status >= 400) activity.SetStatus(ActivityStatusCode.Error, $"HTTP {status}");
            }
            TelemetryLog.CallCompleted(_logger, status >= 400 ? _options.FailureLogLevel : _options.SuccessLogLevel,
                operation, seller, status, elapsed.TotalMilliseconds, requestId, state.Attempts, state.Retries,
                state.Throttled, state.LimiterWait.TotalMilliseconds);
            return response;
        }
        catch (Exception e)
        {
            var elapsed = _time.GetElapsedTime(start);
            var errorType = e.GetType().Name;
            Record(op, operation, seller, state, elapsed, status: null, errorType);
            if (activity is not null)
            {
                activity.SetTag(SpApiTelemetry.Tags.ErrorType, errorType);
                TagState(activity, state);
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }
            TelemetryLog.CallFailed(_logger, _options.FailureLogLevel, e, operation, seller, elapsed.TotalMilliseconds,
                errorType, state.Attempts, state.Retries, state.Throttled);
            throw;
        }
    }

    private static Activity? StartActivity(HttpRequestMessage request, OperationMetadata? op, string operation, string seller)
    {
        var activity = SpApiTelemetry.ActivitySource.StartActivity($"SpApi {operation}", ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag(SpApiTelemetry.Tags.Operation, operation);
        activity.SetTag(SpApiTelemetry.Tags.Api, op is null ? null : $"{op.Api}.{op.Version}");
        activity.SetTag(SpApiTelemetry.Tags.Seller, seller);
        activity.SetTag(SpApiTelemetry.Tags.Method, request.Method.Method);
        activity.SetTag(SpApiTelemetry.Tags.ServerAddress, request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.Host : null);
        return activity;
    }

    private static void TagState(Activity activity, SpApiCallState state)
    {
        activity.SetTag(SpApiTelemetry.Tags.Retries, state.Retries);
        activity.SetTag(SpApiTelemetry.Tags.Throttled, state.Throttled);
        activity.SetTag(SpApiTelemetry.Tags.LimiterWaitMs, state.LimiterWait.TotalMilliseconds);
    }

    private void Record(OperationMetadata? op, string operation, string seller, SpApiCallState state, TimeSpan elapsed, int? status, string? errorType)
    {
        // Nothing listens (no MeterListener, no OpenTelemetry): no tags to build, nothing to record.
        if (!_metrics.AnyEnabled) return;
        var tags = new TagList
        {
            { SpApiTelemetry.Tags.Operation, operation },
            { SpApiTelemetry.Tags.Api, op is null ? null : $"{op.Api}.{op.Version}" },
        };
        if (_options.TagMetricsWithSeller) tags.Add(SpApiTelemetry.Tags.Seller, seller);

        var outcome = tags;
        if (status is not null) outcome.Add(SpApiTelemetry.Tags.StatusCode, status.Value);
        if (errorType is not null) outcome.Add(SpApiTelemetry.Tags.ErrorType, errorType);

        _metrics.Requests.Add(1, outcome);
        _metrics.Duration.Record(elapsed.TotalSeconds, outcome);
        if (state.Throttled > 0) _metrics.Throttled.Add(state.Throttled, tags);
        if (state.Retries > 0) _metrics.Retries.Add(state.Retries, tags);
        if (state.RefillInterval is not null) _metrics.LimiterWait.Record(state.LimiterWait.TotalSeconds, tags);
    }
}
