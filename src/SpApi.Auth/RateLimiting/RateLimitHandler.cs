using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpApi.Auth.Telemetry;
using SpApi.Auth.Tokens;
using SpApi.Runtime;

namespace SpApi.Auth.RateLimiting;

/// <summary>
/// Client-side pacing to SP-API usage plans (runs once per attempt, inside the retry stage). Each
/// (seller, endpoint, operation) has its own token bucket seeded from the operation's documented plan, so
/// one seller's queue never delays another's. Waiting callers are served first come, first served; a full
/// queue or a wait over <see cref="RateLimitHandlerOptions.MaxWait"/> fails with
/// <see cref="RateLimitExceededException"/> before anything is sent. Responses update the bucket:
/// <c>x-amzn-RateLimit-Limit</c> sets its rate, a 429 empties it.
/// Requests without <see cref="SpApiRequestOptions.Operation"/> (not made by a generated client) pass through.
/// </summary>
public sealed class RateLimitHandler : DelegatingHandler
{
    private readonly SpApiRateLimiter _limiter;
    private readonly ILogger _logger;
    private readonly RevokedSellers? _revoked;

    /// <summary>A handler pacing calls through <paramref name="limiter"/> (share one limiter per process).</summary>
    /// <param name="limiter">The shared buckets (a singleton).</param>
    /// <param name="logger">Rejections, adopted rates and throttling; never headers or bodies.</param>
    /// <param name="revokedSellers">When given, calls for a seller whose refresh token LWA just refused fail at once,
    /// queued ones included (see <see cref="RevokedSellers"/>).</param>
    public RateLimitHandler(SpApiRateLimiter limiter, ILogger<RateLimitHandler>? logger = null, RevokedSellers? revokedSellers = null)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        _limiter = limiter;
        _revoked = revokedSellers;
        _logger = logger ?? NullLogger<RateLimitHandler>.Instance;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = SpApiCallState.GetOrCreate(request);
        state.Attempts++;
        var operation = request.GetOperation();
        if (operation is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // Grantless calls use the application's token, not the seller's refresh token.
        var revocable = _revoked is not null && operation.GrantlessScope is null;
        if (revocable && _revoked!.Check(request.GetSeller()) is { } refused) throw refused;
        var key = BucketKey.For(request, operation);
        var bucket = _limiter.Enter(key, operation);
        try
        {
            state.RefillInterval = bucket.RefillInterval;
            cancellationToken.ThrowIfCancellationRequested();
            // A token at hand is taken without entering the (async) wait: an async call costs start-up JIT time.
            if (!bucket.TryAcquire())
                await WaitForTokenAsync(bucket, key, operation, request, state, revocable ? _revoked!.Watch(request.GetSeller()) : default,
                    cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Observe(response, bucket, request, state);
            return response;
        }
        finally
        {
            bucket.Exit();
        }
    }

    private async Task WaitForTokenAsync(UsagePlanBucket bucket, BucketKey key, OperationMetadata operation,
        HttpRequestMessage request, SpApiCallState state, CancellationToken revoked, CancellationToken cancellationToken)
    {
        var options = _limiter.Options;
        var time = _limiter.Time;
        var start = time.GetTimestamp();
        using var maxWait = options.MaxWait == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(options.MaxWait, time);
        using var linked = maxWait is null && !revoked.CanBeCanceled ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, maxWait?.Token ?? default, revoked);
        bool acquired;
        try
        {
            acquired = await bucket.AcquireAsync(linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && revoked.IsCancellationRequested
                                                  && _revoked!.Check(request.GetSeller()) is { } refused)
        {
            throw refused;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && maxWait?.IsCancellationRequested == true)
        {
            throw Rejected(RateLimitRejection.MaxWaitExceeded, bucket, key, operation, request);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Report the caller's own token, not our linked one.
            throw new OperationCanceledException("The SP-API call was cancelled while waiting for a rate-limit token.", cancellationToken);
        }
        finally
        {
            state.LimiterWait += time.GetElapsedTime(start);
        }
        if (!acquired) throw Rejected(RateLimitRejection.QueueFull, bucket, key, operation, request);
    }

    private RateLimitExceededException Rejected(RateLimitRejection reason, UsagePlanBucket bucket, BucketKey key,
        OperationMetadata operation, HttpRequestMessage request)
    {
        var options = _limiter.Options;
        var error = new RateLimitExceededException(reason, operation, CallLabels.Seller(request), key.Endpoint,
            new UsagePlan(bucket.Rate, bucket.Burst), options.QueueLimit, options.MaxWait);
        TelemetryLog.RateLimitRejected(_logger, operation.OperationId, error.Seller, error.Message);
        return error;
    }

    private void Observe(HttpResponseMessage response, UsagePlanBucket bucket, HttpRequestMessage request, SpApiCallState state)
    {
        var options = _limiter.Options;
        if (options.AdoptRateLimitHeader && RateLimitHeader.TryRead(response, out var rate))
        {
            var previous = bucket.Rate;
            if (bucket.SetRate(rate))
            {
                state.RefillInterval = bucket.RefillInterval;
                TelemetryLog.RateAdopted(_logger, CallLabels.Operation(request), CallLabels.Seller(request), rate, previous);
            }
        }
        if ((int)response.StatusCode == 429)
        {
            state.Throttled++;
            if (options.DrainOnThrottle) bucket.Drain();
            TelemetryLog.Throttled(_logger, CallLabels.Operation(request), CallLabels.Seller(request), CallLabels.RequestId(response));
        }
    }
}
