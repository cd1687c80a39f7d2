using System.Globalization;
using SpApi.Cli.Bench.Fleet;

namespace SpApi.Cli.Commands;

/// <summary>The worker process of <c>bench fleet</c> (hidden: started by the benchmark, not by users).</summary>
public sealed class BenchFleetWorkerCommand : IHiddenCliCommand
{
    public string Name => "bench fleet-worker";
    public string Summary => "(internal) one worker process of 'bench fleet'.";
    public string Usage => "Started by 'spapi bench fleet'; the seller's refresh token and token key come through the environment.";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var settings = new FleetWorkerSettings(
            new Uri(args.String("sandbox") ?? throw new CliUsageException("--sandbox URL is required.")),
            args.String("redis"),
            args.String("prefix", "spapi-bench"),
            args.Int("workers", 1, min: 1, max: 64),
            args.Int("callers", 25, min: 1, max: 10_000),
            TimeSpan.FromSeconds(args.Double("seconds", 10, min: 0.1, max: 3600)),
            args.Double("rate-scale", 10, min: 0.01, max: 10_000));
        args.ThrowOnUnknown();

        var run = new FleetWorkerRun(settings);
        await using var client = run.CreateClient();
        await FleetWorkerRun.WarmUpAsync(client, cancellationToken);
        await context.Out.WriteLineAsync("ready");
        await context.Out.FlushAsync(cancellationToken);
        var go = await Console.In.ReadLineAsync(cancellationToken);
        if (go != "go") return ExitCodes.Cancelled;
        var tally = await run.RunAsync(client, cancellationToken);
        await context.Out.WriteLineAsync(tally.ToJson());
        await context.Out.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
