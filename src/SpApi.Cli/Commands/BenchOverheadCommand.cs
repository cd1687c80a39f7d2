using SpApi.Cli.Bench;

namespace SpApi.Cli.Commands;

/// <summary>
/// <c>spapi bench overhead</c>: a few seconds' measurement of what the generated client and the handler
/// pipeline cost per call over raw HttpClient + Json.NET, against canned in-memory responses.
/// </summary>
public sealed class BenchOverheadCommand : ICliCommand
{
    public string Name => "bench overhead";

    public string Summary => "Measure per-call time and allocations of client + pipeline against raw HttpClient (in memory).";

    public string Usage =>
        """
        Usage: spapi bench overhead [--report FILE] [--seconds S] [--iterations N]
          --report FILE    also write { "cases": [ { name, floorNs, pipelineNs, ratio, floorBytes, pipelineBytes, allocRatio } ] }
          --seconds S      measuring time per scenario (default 1; warm-up is 30% of it on top)
          --iterations N   minimum calls per scenario and round, whatever the time (default 20)
        For publishable figures use the BenchmarkDotNet suite (README, "Benchmarks").
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var report = args.String("report");
        var seconds = args.Double("seconds", 1, min: 0, max: 600);
        var iterations = args.Int("iterations", OverheadRunOptions.Default.MinIterations, min: 1, max: 10_000_000);
        args.ThrowOnUnknown();

        var options = OverheadRunOptions.Default with
        {
            Warmup = TimeSpan.FromSeconds(seconds * 0.3),
            Measure = TimeSpan.FromSeconds(seconds),
            MinIterations = iterations,
        };
        var cases = OverheadCase.CreateAll(BenchTransport.InMemory);
        OverheadReport result;
        try
        {
            var progress = ProgressBar.ForConsole(cases.Count);
            result = await OverheadEngine.RunAsync(cases, options, cancellationToken, progress.Advance);
        }
        finally
        {
            foreach (var c in cases) c.Dispose();
        }

        result.WriteTable(context.Out, BenchPipeline.Label);
        await ReportFile.WriteFullPathAsync(context, report, result.ToJson(), cancellationToken);
        return ExitCodes.Ok;
    }
}
