using Polly;
using Polly.Timeout;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Telemetry;
using SpApi.Runtime;

namespace SpApi.Auth.Resilience;

/// <summary>One call as the retry logic sees it.</summary>
internal sealed record RetryCall(HttpRequestMessage Request, OperationMetadata? Operation, SpApiCallState State,
    long StartTimestamp, CancellationToken CancellationToken)
{
    public string? Seller => Request.GetSeller();
}

/// <summary>Whether to retry an attempt's outcome, and after how long; <see cref="WhyNot"/> is set when a fault was not retried.</summary>
internal readonly record struct RetryDecision(bool Retry, TimeSpan Delay, string Reason, string? WhyNot, bool BudgetExhausted = false)
{
    public static RetryDecision NotAFault(string reason) => new(false, TimeSpan.Zero, reason, null);

    public static RetryDecision Yes(string reason, TimeSpan delay) => new(true, delay, reason, null);
    public static RetryDecision No(string reason, string why, bool budget = false) => new(false, TimeSpan.Zero, reason, why, budget);
}

/// <summary>
/// The retry rules, kept apart from Polly plumbing so they read in one place:
/// 429 is always retryable (Amazon did not process the request); 5xx/408 and transport errors only for
/// operations that are safe to replay; every retry must fit the attempt cap, the total-time cap and the budget.
/// </summary>
internal sealed class RetryPolicy(RetryHandlerOptions options, RetryBudget budget, TimeProvider time, Func<double> random)
{
    private static readonly HashSet<string> IdempotentMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "PUT", "DELETE", "HEAD", "OPTIONS" };

    private enum Fault { None, Throttled, Transient }

    public RetryDecision Decide(Outcome<HttpResponseMessage> outcome, int attemptNumber, RetryCall call)
    {
        var (fault, reason) = Classify(outcome, call);
        if (fault == Fault.None) return RetryDecision.NotAFault(reason);
        if (fault == Fault.Transient && !IsReplayable(call))
            return RetryDecision.No(reason, $"{call.Request.Method.Method} {call.Operation?.OperationId ?? "request"} is not idempotent; replaying it after an ambiguous failure could repeat its effect");
        if (attemptNumber >= options.MaxRetryAttempts)
            return RetryDecision.No(reason, $"{options.MaxRetryAttempts} retries used");

        var delay = fault == Fault.Throttled ? ThrottleDelay(outcome.Result!, attemptNumber, call) : Backoff(options.BaseDelay, attemptNumber);
        if (time.GetElapsedTime(call.StartTimestamp) + delay > options.MaxTotalTime)
            return RetryDecision.No(reason, $"waiting {delay.TotalSeconds:0.###} s would exceed MaxTotalTime {options.MaxTotalTime.TotalSeconds:0.###} s");
        if (!budget.TryRetry(call.Seller))
            return RetryDecision.No(reason, "retry budget exhausted", budget: true);
        return RetryDecision.Yes(reason, delay);
    }

    public bool IsReplayable(RetryCall call)
    {
        if (call.Operation is not { } op) return IdempotentMethods.Contains(call.Request.Method.Method);
        return op.IsIdempotent || options.ReplayableOperations.Contains(op.Key) || options.ReplayableOperations.Contains(op.OperationId);
    }

    /// <summary>True when <paramref name="response"/> is a fault the rules would consider retrying (429 or a transient status).</summary>
    public bool IsFault(HttpResponseMessage response) => (int)response.StatusCode == 429 || options.TransientStatusCodes.Contains((int)response.StatusCode);

    private (Fault, string) Classify(Outcome<HttpResponseMessage> outcome, RetryCall call)
    {
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (status == 429) return (Fault.Throttled, "429");
            return (IsFault(response) ? Fault.Transient : Fault.None, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return outcome.Exception switch
        {
            RateLimitExceededException e => (Fault.None, e.GetType().Name),
            HttpRequestException e => (Fault.Transient, e.GetType().Name),
            TimeoutRejectedException => (Fault.Transient, "attempt timeout"),
            // Cancelled without the caller asking: an inner timeout, not a cancellation.
            OperationCanceledException when !call.CancellationToken.IsCancellationRequested => (Fault.Transient, "timeout"),
            { } e => (Fault.None, e.GetType().Name),
            null => (Fault.None, "no outcome"),
        };
    }

    /// <summary>Retry-After as sent; otherwise backoff starting at the bucket's refill time when known.</summary>
    private TimeSpan ThrottleDelay(HttpResponseMessage response, int attemptNumber, RetryCall call)
    {
        if (RetryAfter.Read(response, time) is { } retryAfter) return retryAfter;
        var refill = call.State.RefillInterval
            ?? (RateLimitHeader.TryRead(response, out var rate) ? TimeSpan.FromSeconds(1 / rate) : (TimeSpan?)null);
        return Backoff(refill ?? options.BaseDelay, attemptNumber);
    }

    /// <summary><paramref name="first"/> x 2^attempt, capped at MaxDelay, plus up to JitterFactor of it at random.</summary>
    private TimeSpan Backoff(TimeSpan first, int attemptNumber)
    {
        var nominal = Math.Min(options.MaxDelay.TotalSeconds, first.TotalSeconds * Math.Pow(2, Math.Min(attemptNumber, 30)));
        return TimeSpan.FromSeconds(nominal * (1 + options.JitterFactor * random()));
    }
}
