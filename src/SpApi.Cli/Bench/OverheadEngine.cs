using System.Diagnostics;

namespace SpApi.Cli.Bench;

/// <summary>How long the quick overhead run spends per scenario.</summary>
internal sealed record OverheadRunOptions(TimeSpan Warmup, TimeSpan Measure, int MinIterations, int Rounds = 3)
{
    /// <summary>About eight seconds for the two cases on a laptop.</summary>
    public static OverheadRunOptions Default { get; } = new(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1), 20);
}

/// <summary>One scenario's cost per call.</summary>
internal readonly record struct Measurement(double NanosecondsPerCall, double BytesPerCall, long Calls);

/// <summary>
/// A quick, BenchmarkDotNet-free measurement of the overhead cases: warm up, then run each scenario in
/// interleaved rounds (so drift on a shared machine hits all three alike), keeping the fastest round's
/// time per call and the allocated bytes per call.
/// </summary>
internal static class OverheadEngine
{
    public static async Task<OverheadReport> RunAsync(IReadOnlyList<OverheadCase> cases, OverheadRunOptions options,
        CancellationToken cancellationToken, Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinIterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Rounds, 1);
        var results = new List<OverheadCaseResult>();
        foreach (var c in cases)
        {
            progress?.Invoke(c.Name);
            Func<CancellationToken, Task<object>>[] scenarios = [c.FloorAsync, c.GeneratedAsync, c.PipelineAsync];
            foreach (var scenario in scenarios)
                await RunForAsync(scenario, options.Warmup, options.MinIterations, cancellationToken).ConfigureAwait(false);

            var best = new Measurement[scenarios.Length];
            var perRound = options.Measure / (options.Rounds * scenarios.Length);
            for (var round = 0; round < options.Rounds; round++)
                for (var i = 0; i < scenarios.Length; i++)
                {
                    var m = await MeasureAsync(scenarios[i], perRound, options.MinIterations, cancellationToken).ConfigureAwait(false);
                    if (round == 0 || m.NanosecondsPerCall < best[i].NanosecondsPerCall) best[i] = m;
                }
            results.Add(OverheadCaseResult.From(c.Name, best[0], best[1], best[2]));
        }
        return new OverheadReport(results);
    }

    /// <summary>Runs <paramref name="call"/> for at least <paramref name="duration"/> and <paramref name="minCalls"/> calls.</summary>
    internal static async Task<Measurement> MeasureAsync(Func<CancellationToken, Task<object>> call, TimeSpan duration, int minCalls,
        CancellationToken cancellationToken)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (calls, elapsed) = await RunForAsync(call, duration, minCalls, cancellationToken).ConfigureAwait(false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Measurement(elapsed.TotalNanoseconds / calls, (double)allocated / calls, calls);
    }

    private static async Task<(long Calls, TimeSpan Elapsed)> RunForAsync(Func<CancellationToken, Task<object>> call, TimeSpan duration,
        int minCalls, CancellationToken cancellationToken)
    {
        // Calls run in batches so the clock is read rarely compared with the work measured.
        const int batch = 8;
        long calls = 0;
        var started = Stopwatch.GetTimestamp();
        TimeSpan elapsed;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < batch; i++)
                _ = await call(cancellationToken).ConfigureAwait(false);
            calls += batch;
            elapsed = Stopwatch.GetElapsedTime(started);
        }
        while (calls < minCalls || elapsed < duration);
        return (calls, elapsed);
    }
}
