namespace SpApi.Auth.Resilience;

/// <summary>Options of <see cref="RetryHandler"/> and its <see cref="RetryBudget"/>.</summary>
public sealed class RetryHandlerOptions
{
    /// <summary>Retries after the first attempt (0 turns retrying off). Default 5.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>
    /// First backoff; doubles with each retry. For a 429 without <c>Retry-After</c> the backoff is at least
    /// the bucket's refill time (1 / rate). Default 500 ms.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on a computed backoff (a server's <c>Retry-After</c> is honoured as sent). Default 60 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Random extra delay, as a fraction of the backoff (0.25 = up to +25%), so callers do not retry in step. Default 0.25.</summary>
    public double JitterFactor { get; set; } = 0.25;

    /// <summary>No retry is scheduled that would end later than this after the call started. Default 2 minutes.</summary>
    public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Optional timeout of each attempt (a timed-out attempt counts as a transient fault). Default none.</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>Retries may add at most this fraction of the calls made in <see cref="BudgetWindow"/> (0.2 = +20% traffic). Default 0.2.</summary>
    public double BudgetRatio { get; set; } = 0.2;

    /// <summary>Retries always allowed per second of <see cref="BudgetWindow"/>, so a quiet client can still retry. Default 1.</summary>
    public double BudgetMinRetriesPerSecond { get; set; } = 1;

    /// <summary>The sliding window over which the budget counts calls and retries (per seller). Default 10 s.</summary>
    public TimeSpan BudgetWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Non-idempotent operations that are safe to replay after a 5xx, 408 or transport error, by operation key
    /// (<c>modelFile#operationId</c>) or operation id. GET, PUT, DELETE and HEAD are always replayable; 429 is
    /// retried for every operation (the request was not processed). Default <see cref="ReadOnlyPostOperations.Defaults"/>.
    /// </summary>
    public ISet<string> ReplayableOperations { get; set; } = new HashSet<string>(ReadOnlyPostOperations.Defaults, StringComparer.Ordinal);

    /// <summary>Statuses retried for replayable operations. Default 408, 500, 502, 503, 504.</summary>
    public ISet<int> TransientStatusCodes { get; set; } = new HashSet<int> { 408, 500, 502, 503, 504 };

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid option.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (MaxRetryAttempts is < 0 or > 100) problems.Add($"MaxRetryAttempts must be from 0 to 100 (got {MaxRetryAttempts})");
        if (BaseDelay < TimeSpan.Zero) problems.Add($"BaseDelay must not be negative (got {BaseDelay})");
        if (MaxDelay < BaseDelay) problems.Add($"MaxDelay must be at least BaseDelay (got {MaxDelay} < {BaseDelay})");
        if (JitterFactor is < 0 or > 1 || double.IsNaN(JitterFactor)) problems.Add($"JitterFactor must be from 0 to 1 (got {JitterFactor})");
        if (MaxDelay > TimeSpan.FromDays(1)) problems.Add($"MaxDelay must be at most 1 day (got {MaxDelay})");
        if (MaxTotalTime <= TimeSpan.Zero || MaxTotalTime > TimeSpan.FromDays(1)) problems.Add($"MaxTotalTime must be positive and at most 1 day (got {MaxTotalTime})");
        if (AttemptTimeout is { } t && (t <= TimeSpan.Zero || t > TimeSpan.FromDays(1))) problems.Add($"AttemptTimeout must be positive and at most 1 day when set (got {t})");
        if (BudgetRatio < 0 || !double.IsFinite(BudgetRatio)) problems.Add($"BudgetRatio must be 0 or more (got {BudgetRatio})");
        if (BudgetMinRetriesPerSecond < 0 || !double.IsFinite(BudgetMinRetriesPerSecond)) problems.Add($"BudgetMinRetriesPerSecond must be 0 or more (got {BudgetMinRetriesPerSecond})");
        if (BudgetWindow < TimeSpan.FromSeconds(1) || BudgetWindow > TimeSpan.FromDays(1)) problems.Add($"BudgetWindow must be from 1 s to 1 day (got {BudgetWindow})");
        if (ReplayableOperations is null) problems.Add("ReplayableOperations must not be null");
        if (TransientStatusCodes is null) problems.Add("TransientStatusCodes must not be null");
        else if (TransientStatusCodes.Contains(429)) problems.Add("TransientStatusCodes must not contain 429 (429 is always retried, for every operation)");
        if (problems.Count > 0) throw new ArgumentException("Invalid RetryHandlerOptions: " + string.Join("; ", problems) + ".");
    }
}
