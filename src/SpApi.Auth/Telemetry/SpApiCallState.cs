namespace SpApi.Auth.Telemetry;

/// <summary>
/// What happened during one SP-API call across its attempts. The telemetry handler (outermost) creates it;
/// the retry and rate-limit handlers (inner) add to it, so one span/metric set can report the whole call.
/// Attempts of one call run one after another, so plain fields are enough.
/// </summary>
public sealed class SpApiCallState
{
    /// <summary>The key under which the state travels in <see cref="HttpRequestMessage.Options"/>.</summary>
    public static readonly HttpRequestOptionsKey<SpApiCallState> Key = new("SpApi.CallState");

    /// <summary>Requests put on the wire (first attempt plus retries), counted by the rate-limit handler.</summary>
    public int Attempts { get; internal set; }

    /// <summary>Retries scheduled by the retry handler.</summary>
    public int Retries { get; internal set; }

    /// <summary>429 responses received on the wire, including ones that were retried.</summary>
    public int Throttled { get; internal set; }

    /// <summary>Total time spent queued in the client-side rate limiter.</summary>
    public TimeSpan LimiterWait { get; internal set; }

    /// <summary>Time for the rate-limit bucket to earn one token (1 / rate); null when no limiter handled the call.</summary>
    public TimeSpan? RefillInterval { get; internal set; }

    /// <summary>Why the last retry happened, e.g. <c>429</c>, <c>503</c>, <c>HttpRequestException</c>.</summary>
    public string? LastRetryReason { get; internal set; }

    /// <summary>Returns the request's state, attaching a new one when the request has none.</summary>
    public static SpApiCallState GetOrCreate(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(Key, out var state)) return state;
        state = new SpApiCallState();
        request.Options.Set(Key, state);
        return state;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"attempts={Attempts}, retries={Retries}, throttled={Throttled}, limiterWait={LimiterWait.TotalMilliseconds:0}ms";
}
