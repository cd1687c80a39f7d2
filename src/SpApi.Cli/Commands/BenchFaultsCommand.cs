using SpApi.Cli.Bench.Faults;

namespace SpApi.Cli.Commands;

/// <summary>
/// <c>spapi bench faults</c>: runs every fault scenario (hostile LWA, SP-API and redirect targets on loopback, a
/// fuzz of path and query arguments of every generated method) once through the full pipeline and reports what
/// got through, and hostile models through the real generator. Exit 1 when any crash, token leak, wrong operation, duplicated write, untyped error or injected model is found.
/// </summary>
public sealed class BenchFaultsCommand : ICliCommand
{
    public string Name => "bench faults";

    public string Summary => "Run the hostile-server fault suite through the full pipeline; exit 1 on any crash, leak or untyped error.";

    public string Usage =>
        """
        Usage: spapi bench faults [--report FILE] [--only TEXT] [--generator PATH] [--verbose]
          --report FILE     also write { "scenarios", "survived", "crashes", "tokenLeaks", "wrongOperation",
                            "duplicatedWrites", "untypedErrors", "injectedModels", "peakManagedMb" }
          --only TEXT       run only the scenarios whose name contains TEXT
          --generator PATH  the model generator (SpApi.Generator.dll or its folder) for the hostile-model
                            scenarios; default: generator/ beside spapi, else a built repository above
          --verbose         print every scenario, not only the failed ones
        Servers bind 127.0.0.1 on free ports; answers of 200 MB are streamed, peak managed memory is reported.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var report = args.String("report");
        var only = args.String("only");
        var verbose = args.Flag("verbose");
        var generator = args.String("generator");
        args.ThrowOnUnknown();

        var scenarios = FaultScenarios.All.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (scenarios.Length == 0) throw new CliUsageException($"No fault scenario matches '{only}'.");
        var (result, results) = await FaultSuite.RunAsync(scenarios, cancellationToken, r =>
        {
            if (!r.Survived || verbose)
                context.Out.WriteLine($"{(r.Survived ? "ok  " : !r.Crashed && r.Findings.Total == 0 ? "SKIP" : "FAIL")} {r.Name}{(r.Findings.Notes.Count == 0 ? "" : ": " + string.Join("; ", r.Findings.Notes.Take(5)))}");
        }, generator);

        var skipped = results.Count(r => r.Skipped);
        context.Out.WriteLine($"{result.Scenarios} scenarios, {result.Survived} survived{(skipped > 0 ? $", {skipped} skipped" : "")}; crashes {result.Crashes}, token leaks {result.TokenLeaks}, " +
                              $"wrong operation {result.WrongOperation}, duplicated writes {result.DuplicatedWrites}, untyped errors {result.UntypedErrors}, " +
                              $"injected models {result.InjectedModels}; peak managed {result.PeakManagedMb:0.0} MB");
        await ReportFile.WriteFullPathAsync(context, report, result.ToJson(), cancellationToken);
        return result.Failed ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
