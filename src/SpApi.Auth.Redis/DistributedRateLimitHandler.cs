using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Telemetry;
using SpApi.Runtime;

namespace SpApi.Auth.Redis;

/// <summary>
/// The rate-limit stage for a fleet (plugged by <c>UseRedis</c>): the same contract as <see cref="RateLimitHandler"/>,
/// on buckets every worker shares through Redis. Each attempt reserves the next token of its (seller, endpoint,
/// operation) bucket in one atomic script and waits until it is due, so callers are served first come first served
/// fleet-wide; waiting callers count against <see cref="RateLimitHandlerOptions.QueueLimit"/> in this worker; a wait
/// longer than <see cref="RateLimitHandlerOptions.MaxWait"/> fails at once (nothing is reserved) and a cancelled
/// wait gives its token back. <c>x-amzn-RateLimit-Limit</c> and the drain on a 429 update the shared bucket.
/// While Redis is unreachable the call goes through local buckets at the fallback share of the plan.
/// </summary>
public sealed class DistributedRateLimitHandler : DelegatingHandler
{
    private readonly FleetRateLimiter _fleet;
    private readonly ILogger _logger;
    private readonly HttpMessageInvoker _fallback;

    /// <summary>A stage over the fleet's shared buckets (<paramref name="fleet"/>); <paramref name="logger"/> receives rejections under the local <see cref="RateLimitHandler"/>'s category.</summary>
    public DistributedRateLimitHandler(FleetRateLimiter fleet, ILogger<RateLimitHandler>? logger = null)
    {
        _fleet = fleet ?? throw new ArgumentNullException(nameof(fleet));
        _logger = logger ?? NullLogger<RateLimitHandler>.Instance;
        // The local handler sends on through this handler's inner handler.
        _fallback = new HttpMessageInvoker(new RateLimitHandler(fleet.Fallback, logger) { InnerHandler = new Forward(this) }, disposeHandler: true);
    }

    /// <summary>Reserves the call's token in the shared bucket (or a local one while Redis is down), waits for it, sends, then adopts the answer's rate header or drains the bucket on a 429.</summary>
    /// <exception cref="RateLimitExceededException">The wait would exceed <see cref="RateLimitHandlerOptions.MaxWait"/>, or <see cref="RateLimitHandlerOptions.QueueLimit"/> callers already wait in this worker.</exception>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.GetOperation();
        if (operation is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var key = BucketKey.For(request, operation);
        var plan = _fleet.Options.PlanFor(operation);
        var answer = await _fleet.RunAsync(key, plan, FleetBucketScript.Take, MaxWaitMs()).ConfigureAwait(false);
        if (answer is null) return await _fallback.SendAsync(request, cancellationToken).ConfigureAwait(false);

        var state = SpApiCallState.GetOrCreate(request);
        state.Attempts++;
        state.RefillInterval = TimeSpan.FromSeconds(1 / answer.Value.Rate);
        _fleet.RateChanged(key, answer.Value.Rate);
        if (!answer.Value.Granted) throw Rejected(RateLimitRejection.MaxWaitExceeded, key, operation, plan, request);
        if (answer.Value.Wait > TimeSpan.Zero) await WaitForTokenAsync(key, operation, plan, answer.Value.Wait, request, state, cancellationToken).ConfigureAwait(false);

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ObserveAsync(response, key, plan, request, state).ConfigureAwait(false);
        return response;
    }

    private double MaxWaitMs() => _fleet.Options.MaxWait == Timeout.InfiniteTimeSpan ? -1 : _fleet.Options.MaxWait.TotalMilliseconds;

    private async Task WaitForTokenAsync(BucketKey key, OperationMetadata operation, UsagePlan plan, TimeSpan wait,
        HttpRequestMessage request, SpApiCallState state, CancellationToken cancellationToken)
    {
        if (!_fleet.TryEnterQueue(key))
        {
            await RefundAsync(key, plan).ConfigureAwait(false);
            throw Rejected(RateLimitRejection.QueueFull, key, operation, plan, request);
        }
        try
        {
            // The margin covers the first request's latency, as the local bucket's RefillSafetyMargin does.
            await Task.Delay(wait + _fleet.Options.RefillSafetyMargin, _fleet.Time, cancellationToken).ConfigureAwait(false);
            state.LimiterWait += wait;
        }
        catch (OperationCanceledException)
        {
            await RefundAsync(key, plan).ConfigureAwait(false);
            throw new OperationCanceledException("The SP-API call was cancelled while waiting for a rate-limit token.", cancellationToken);
        }
        finally
        {
            _fleet.ExitQueue(key);
        }
    }

    // The reserved token was not used: give it back so the next caller's wait shrinks.
    private async Task RefundAsync(BucketKey key, UsagePlan plan) =>
        await _fleet.RunAsync(key, plan, FleetBucketScript.Refund, 0).ConfigureAwait(false);

    private async Task ObserveAsync(HttpResponseMessage response, BucketKey key, UsagePlan plan, HttpRequestMessage request, SpApiCallState state)
    {
        var options = _fleet.Options;
        if (options.AdoptRateLimitHeader && RateLimitHeader.TryRead(response, out var rate))
        {
            var previous = _fleet.KnownRate(key, plan);
            if (_fleet.RateChanged(key, rate) && await _fleet.RunAsync(key, plan, FleetBucketScript.Rate, rate).ConfigureAwait(false) is not null)
            {
                state.RefillInterval = TimeSpan.FromSeconds(1 / rate);
                TelemetryLog.RateAdopted(_logger, CallLabels.Operation(request), CallLabels.Seller(request), rate, previous);
            }
        }
        if ((int)response.StatusCode == 429)
        {
            state.Throttled++;
            if (options.DrainOnThrottle) await _fleet.RunAsync(key, plan, FleetBucketScript.Drain, 0).ConfigureAwait(false);
            TelemetryLog.Throttled(_logger, CallLabels.Operation(request), CallLabels.Seller(request), CallLabels.RequestId(response));
        }
    }

    private RateLimitExceededException Rejected(RateLimitRejection reason, BucketKey key, OperationMetadata operation, UsagePlan plan,
        HttpRequestMessage request)
    {
        var options = _fleet.Options;
        var error = new RateLimitExceededException(reason, operation, CallLabels.Seller(request), key.Endpoint,
            new UsagePlan(_fleet.KnownRate(key, plan), plan.Burst), options.QueueLimit, options.MaxWait);
        TelemetryLog.RateLimitRejected(_logger, operation.OperationId, error.Seller, error.Message);
        return error;
    }

    /// <summary>Disposes the local fallback stage.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _fallback.Dispose();
        base.Dispose(disposing);
    }

    private sealed class Forward(DistributedRateLimitHandler owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            owner.SendInnerAsync(request, cancellationToken);
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
