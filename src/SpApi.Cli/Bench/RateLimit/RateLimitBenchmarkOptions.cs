namespace SpApi.Cli.Bench.RateLimit;

/// <summary>Settings of <see cref="RateLimitBenchmark"/>. The defaults are the scaled plan of the issue: 20/s, burst 10, 5 s.</summary>
public sealed class RateLimitBenchmarkOptions
{
    /// <summary>The plan's rate (requests per second), both documented to the client and enforced by the server.</summary>
    public double Rate { get; set; } = 20;

    /// <summary>The plan's burst.</summary>
    public int Burst { get; set; } = 10;

    /// <summary>How long each scenario drives traffic.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent callers per saturating seller.</summary>
    public int Callers { get; set; } = 50;

    /// <summary>Also run the several-sellers scenario (noisy, steady and light seller at once).</summary>
    public bool MultiSeller { get; set; } = true;

    /// <summary>The noisy seller's real server rate as a fraction of the documented one (it gets 429s until the header is adopted).</summary>
    public double NoisyServerShare { get; set; } = 0.25;

    /// <summary>Unmeasured run first, so JIT and first-call costs do not count.</summary>
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromMilliseconds(500);

    public void Validate()
    {
        var problems = new List<string>();
        if (!(Rate > 0) || !double.IsFinite(Rate)) problems.Add($"rate must be above 0 (got {Rate})");
        if (Burst < 1) problems.Add($"burst must be at least 1 (got {Burst})");
        if (Duration <= TimeSpan.Zero) problems.Add($"duration must be positive (got {Duration})");
        if (Callers < 1) problems.Add($"callers must be at least 1 (got {Callers})");
        if (!(NoisyServerShare > 0) || NoisyServerShare > 1) problems.Add($"noisy server share must be in (0, 1] (got {NoisyServerShare})");
        if (WarmUp < TimeSpan.Zero) problems.Add($"warm-up must not be negative (got {WarmUp})");
        if (problems.Count > 0) throw new ArgumentException("Invalid benchmark options: " + string.Join("; ", problems) + ".");
    }
}
