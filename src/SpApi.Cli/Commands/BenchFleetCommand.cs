using System.Globalization;
using SpApi.Cli.Bench.Fleet;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Commands;

/// <summary>
/// <c>spapi bench fleet --workers 4 --callers 25 --seconds 10 --report FILE [--redis HOST:PORT]</c>: worker processes
/// sharing one seller's usage plan and tokens through Redis, against the sandbox enforcing the plan, plus the same
/// fleet on per-process buckets as a baseline (see <see cref="FleetBenchmark"/>).
/// </summary>
public sealed class BenchFleetCommand : ICliCommand
{
    public string Name => "bench fleet";
    public string Summary => "Measure N worker processes sharing one seller's usage plan and tokens through Redis, against per-process buckets.";
    public string Usage => """
        Options:
          --workers N       worker processes (default 4)
          --callers N       concurrent callers per worker (default 25)
          --seconds N       measured window per phase (default 10)
          --report FILE     write the JSON report here (workers, theoreticalMax, succeeded, utilization, wire429, surfaced429, lwaRequests, baseline)
          --redis HOST:PORT Redis to coordinate through (default: an embedded Garnet server)
          --rate-scale N    sandbox usage-plan multiplier (default 10: awd listInventory at 20/s, burst 20)
          --models DIR      the model JSON files (default: SPAPI_MODELS_DIR or the repository's models/)
        Exit code 0 when utilization >= 0.98, wire429 <= 1% of requests, surfaced429 = 0 and lwaRequests = 1, else 1.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var reportPath = args.String("report");
        var workers = args.Int("workers", 4, min: 1, max: 64);
        var callers = args.Int("callers", 25, min: 1, max: 10_000);
        var seconds = args.Double("seconds", 10, min: 1, max: 3600);
        var redis = args.String("redis");
        var scale = args.Double("rate-scale", 10, min: 0.01, max: 10_000);
        var models = args.String("models");
        args.ThrowOnUnknown();

        var options = new FleetBenchmarkOptions(workers, callers, TimeSpan.FromSeconds(seconds), scale, redis,
            SandboxCaseCatalog.Load(ModelsDirectory.Locate(models)));
        var benchmark = new FleetBenchmark(options, context.Error);
        var report = await benchmark.RunAsync(cancellationToken);
        var shared = benchmark.Phases[0];
        var baseline = benchmark.Phases[1];

        context.Out.WriteLine($"shared (Redis): {report.Succeeded} of {F(report.TheoreticalMax)} possible (utilization {F(report.Utilization)}), " +
            $"{report.Wire429} 429s on the wire of {shared.Requests} requests, {report.Surfaced429} surfaced, {report.LwaRequests} LWA refresh(es), {shared.Failed} other failures");
        context.Out.WriteLine($"baseline (per-process buckets): {baseline.Succeeded} succeeded (utilization {F(baseline.Succeeded / report.TheoreticalMax)}), " +
            $"{baseline.Wire429} 429s on the wire of {baseline.Requests} requests, {baseline.Surfaced429} surfaced, {baseline.LwaRequests} LWA refreshes, {baseline.Failed} other failures");
        if ((shared.FirstError ?? baseline.FirstError) is { } error) context.Out.WriteLine($"first failure: {error}");
        var met = report.Utilization >= 0.98 && report.Wire429 <= 0.01 * shared.Requests && report.Surfaced429 == 0 && report.LwaRequests == 1 && shared.Failed == 0;
        context.Out.WriteLine($"goals (utilization >= 0.98, wire429 <= 1%, surfaced429 = 0, lwaRequests = 1): {(met ? "met" : "MISSED")}");

        await ReportFile.WriteAsync(context, reportPath, report.ToJson(), cancellationToken);
        return met ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
