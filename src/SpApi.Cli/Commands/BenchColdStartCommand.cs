using SpApi.Cli.Bench.ColdStart;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Commands;

/// <summary><c>spapi bench coldstart</c>: process start to first response, SpApi against a raw-HttpClient floor.</summary>
public sealed class BenchColdStartCommand : ICliCommand
{
    public string Name => "bench coldstart";

    public string Summary => "Time from process start to the first SP-API response: SpApi vs raw HttpClient, in fresh processes.";

    public string Usage =>
        """
        Usage: spapi bench coldstart [--runs N] [--report FILE] [--app DIR] [--models DIR]
          --runs N       fresh processes of each app, interleaved (default 15)
          --report FILE  also write { "runs", "spapi": { "processMs", "readyMs", "firstCallMs" }, "floor": { "processMs", "readyMs", "firstCallMs" }, "ratio" } (medians)
          --app DIR      folder of the cold-start app (default: coldstart/ beside spapi, a JIT build running SpApi's
                         ReadyToRun images for this RID if the packages ship it, as an app using the SpApi packages does).
                         Plain IL: --app build/SpApi.ColdStart/bin/Release/net10.0 (after dotnet build build/SpApi.ColdStart -c Release);
                         all ReadyToRun, dependencies too (<rid>: this machine's, e.g. linux-x64):
                         dotnet publish build/SpApi.ColdStart -c Release -r <rid> --self-contained false -p:PublishReadyToRun=true -o DIR
          --models DIR   the model JSON files (default: SPAPI_MODELS_DIR or the repository's models/)
        Both apps make Sellers getMarketplaceParticipations against the embedded local sandbox.
        Exit code 1 when a goal is missed (readyMs <= 40, ratio <= 1.15).
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var runs = args.Int("runs", 15, min: 1, max: 1000);
        var report = args.String("report");
        var app = args.String("app");
        var models = args.String("models");
        args.ThrowOnUnknown();

        ColdStartReport result;
        try
        {
            var progress = ProgressBar.ForConsole(runs);
            result = await new ColdStartBenchmark(ColdStartOptions.ForApp(runs, app), SandboxCaseCatalog.Load(ModelsDirectory.Locate(models)))
                .RunAsync(progress, cancellationToken);
        }
        catch (ColdStartException e)
        {
            context.Error.WriteLine($"spapi bench coldstart: {e.Message}");
            return ExitCodes.Failed;
        }

        result.WriteTable(context.Out);
        await ReportFile.WriteFullPathAsync(context, report, result.ToJson(), cancellationToken);
        return result.MeetsGoals ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
