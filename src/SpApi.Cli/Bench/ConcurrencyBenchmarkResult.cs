namespace SpApi.Cli.Bench;

/// <summary>The report plus what the table shows: per-seller counts, timing, the plans' scale and sample failures.</summary>
public sealed record ConcurrencyBenchmarkResult(
    ConcurrencyReport Report,
    IReadOnlyList<SellerCount> SellerCounts,
    int RestrictedCalls,
    long Throttled,
    TimeSpan Elapsed,
    double RateScale,
    IReadOnlyList<string> FailureSamples);
