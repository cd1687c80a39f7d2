using SpApi.Cli.Bench;

namespace SpApi.Cli.Commands;

/// <summary><c>spapi bench documents --size-mb N --report FILE</c>: streamed GZIP report download, library against the raw floor.</summary>
public sealed class BenchDocumentsCommand : ICliCommand
{
    public string Name => "bench documents";
    public string Summary => "Download a synthetic GZIP report through SpApi.Documents and through raw HttpClient + GZipStream; compare speed and memory.";
    public string Usage => """
        Options:
          --size-mb N     decompressed size of the synthetic report in MB (default 256); generated on the fly, never held
          --report FILE   write { sizeMb, libraryMBps, floorMBps, ratio, peakManagedMb, peakWorkingSetMb } here
          --rounds N      alternating floor/library rounds; the best of each counts (default 5)
        Exit code 0 when ratio >= 0.9 and peakManagedMb <= 64, else 1.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var sizeMb = context.Args.Int("size-mb", 256, min: 1, max: 1024 * 1024);
        var reportPath = context.Args.String("report");
        var rounds = context.Args.Int("rounds", 5, min: 1, max: 100);
        context.Args.ThrowOnUnknown();

        context.Error.WriteLine($"spapi bench documents: {sizeMb} MB GZIP report over loopback, {rounds} rounds...");
        var result = await DocumentBenchmark.RunAsync(sizeMb, rounds, context.Error, cancellationToken);
        context.Out.WriteLine($"library {result.LibraryMBps} MB/s, floor {result.FloorMBps} MB/s, ratio {result.Ratio}; " +
            $"peak managed {result.PeakManagedMb} MB, peak working set {result.PeakWorkingSetMb} MB");
        context.Out.WriteLine($"goals (ratio >= {DocumentBenchmarkResult.RatioGoal}, peak managed <= {DocumentBenchmarkResult.PeakManagedGoalMb} MB): {(result.GoalsMet ? "met" : "MISSED")}");
        await ReportFile.WriteAsync(context, reportPath, result.ToJson(), cancellationToken);
        return result.GoalsMet ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
