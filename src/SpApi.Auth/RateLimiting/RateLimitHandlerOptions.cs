using SpApi.Runtime;

namespace SpApi.Auth.RateLimiting;

/// <summary>Options of <see cref="RateLimitHandler"/> and its <see cref="SpApiRateLimiter"/>.</summary>
public sealed class RateLimitHandlerOptions
{
    /// <summary>
    /// Plan for operations whose model documents none (and for which no override is set): 0.5 requests/s,
    /// burst 1. Deliberately conservative; the first response's <c>x-amzn-RateLimit-Limit</c> corrects the rate.
    /// </summary>
    public UsagePlan DefaultPlan { get; set; } = new(0.5, 1);

    /// <summary>
    /// Plans that replace the documented ones, keyed by operation key (<c>ordersV0.json#getOrders</c>) or
    /// operation id (<c>getOrders</c>); the key wins when both match. For sellers with raised limits.
    /// </summary>
    public IDictionary<string, UsagePlan> PlanOverrides { get; set; } = new Dictionary<string, UsagePlan>(StringComparer.Ordinal);

    /// <summary>Calls that may wait per bucket (seller, endpoint, operation); one more fails at once. Default 1000.</summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>Upper bound of <see cref="MaxWait"/> (1 hour): a longer wait is a configuration mistake, and timers refuse dues over ~49 days.</summary>
    public static readonly TimeSpan MaxMaxWait = TimeSpan.FromHours(1);

    /// <summary>Longest a call waits for a token before failing (at most <see cref="MaxMaxWait"/>); <see cref="Timeout.InfiniteTimeSpan"/> waits forever. Default 2 minutes.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Adopt the rate in a response's <c>x-amzn-RateLimit-Limit</c> header for that seller and operation. Default true.</summary>
    public bool AdoptRateLimitHeader { get; set; } = true;

    /// <summary>
    /// On a 429, take every token left in the local bucket: the server's bucket is empty, so callers should
    /// wait for a refill instead of spending more requests on 429s. Default true.
    /// </summary>
    public bool DrainOnThrottle { get; set; } = true;

    /// <summary>
    /// Delay added once when a full bucket starts refilling. The server starts its refill clock when our first
    /// request arrives, a little after we sent it; if a later request travels faster than that first one, it
    /// would arrive before the server's token. This margin absorbs that latency jitter. Default 10 ms.
    /// </summary>
    public TimeSpan RefillSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// A full bucket unused this long is dropped (it would be recreated full, so nothing changes but memory);
    /// a rate adopted from the header is then learnt again from the next response. Default 10 minutes.
    /// </summary>
    public TimeSpan IdleBucketExpiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The plan used for <paramref name="operation"/>: override, else documented plan, else <see cref="DefaultPlan"/>.</summary>
    public UsagePlan PlanFor(OperationMetadata operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!PlanOverrides.TryGetValue(operation.Key, out var plan) && !PlanOverrides.TryGetValue(operation.OperationId, out plan))
            plan = operation.UsagePlan is { } documented && IsValid(documented) ? documented : DefaultPlan;
        return PlanShare == 1 ? plan : new UsagePlan(plan.Rate * PlanShare, Math.Max(1, (int)Math.Floor(plan.Burst * PlanShare)));
    }

    /// <summary>
    /// Share of every plan these buckets use (burst at least 1); 1 = the whole plan. A fleet worker that lost its
    /// shared buckets runs on local ones at plan / fleet size (see SpApi.Auth.Redis).
    /// </summary>
    internal double PlanShare { get; init; } = 1;

    /// <summary>A copy of these options using <paramref name="share"/> of each plan, ignoring <c>x-amzn-RateLimit-Limit</c>
    /// (the header states the whole plan, not this worker's share).</summary>
    internal RateLimitHandlerOptions WithPlanShare(double share) => new()
    {
        DefaultPlan = DefaultPlan,
        PlanOverrides = new Dictionary<string, UsagePlan>(PlanOverrides, StringComparer.Ordinal),
        QueueLimit = QueueLimit,
        MaxWait = MaxWait,
        AdoptRateLimitHeader = false,
        DrainOnThrottle = DrainOnThrottle,
        RefillSafetyMargin = RefillSafetyMargin,
        IdleBucketExpiry = IdleBucketExpiry,
        PlanShare = share,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid option.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (DefaultPlan is null || !IsValid(DefaultPlan)) problems.Add($"DefaultPlan must have a finite rate of at least 1/3600 per second and a burst of at least 1 (got {DefaultPlan?.ToString() ?? "null"})");
        if (PlanOverrides is null) problems.Add("PlanOverrides must not be null");
        else
            foreach (var (name, plan) in PlanOverrides)
                if (plan is null || !IsValid(plan)) problems.Add($"PlanOverrides['{name}'] must have a finite rate of at least 1/3600 per second and a burst of at least 1 (got {plan?.ToString() ?? "null"})");
        if (QueueLimit < 0) problems.Add($"QueueLimit must be 0 or more (got {QueueLimit})");
        if ((MaxWait <= TimeSpan.Zero || MaxWait > MaxMaxWait) && MaxWait != Timeout.InfiniteTimeSpan)
            problems.Add($"MaxWait must be from 1 tick to {MaxMaxWait.TotalHours:0} hours, or Timeout.InfiniteTimeSpan (got {MaxWait})");
        if (RefillSafetyMargin < TimeSpan.Zero || RefillSafetyMargin > TimeSpan.FromSeconds(10)) problems.Add($"RefillSafetyMargin must be from 0 to 10 s (got {RefillSafetyMargin})");
        if (IdleBucketExpiry <= TimeSpan.Zero || IdleBucketExpiry > TimeSpan.FromDays(1)) problems.Add($"IdleBucketExpiry must be positive and at most 1 day (got {IdleBucketExpiry})");
        if (problems.Count > 0) throw new ArgumentException("Invalid RateLimitHandlerOptions: " + string.Join("; ", problems) + ".");
    }

    internal static bool IsValid(UsagePlan plan) =>
        plan.Rate >= RateLimitHeader.MinPlausibleRate && double.IsFinite(plan.Rate) && plan.Burst >= 1;
}
