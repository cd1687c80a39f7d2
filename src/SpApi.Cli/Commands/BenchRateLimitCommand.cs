using System.Globalization;
using SpApi.Cli.Bench.RateLimit;

namespace SpApi.Cli.Commands;

/// <summary>
/// <c>spapi bench ratelimit [--report FILE]</c>: drives one operation through the rate-limit and retry handlers
/// against an in-process server enforcing the same usage plan (see <see cref="RateLimitBenchmark"/>).
/// </summary>
public sealed class BenchRateLimitCommand : ICliCommand
{
    public string Name => "bench ratelimit";
    public string Summary => "Measure how much of a usage plan the rate limiter and retry handlers use, with no 429 reaching callers.";
    public string Usage => """
        Options:
          --report FILE     write the JSON report here (theoreticalMax, succeeded, utilization, wire429, surfaced429, ...)
          --rate N          plan rate in requests per second (default 20)
          --burst N         plan burst (default 10)
          --seconds N       how long each scenario runs (default 5)
          --callers N       concurrent callers per saturating seller (default 50)
          --single-seller   skip the several-sellers isolation scenario
        Exit code 0 when utilization >= 0.99, surfaced429 = 0, wire429 <= 1% of requests (and sellers were isolated), else 1.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var reportPath = args.String("report");
        var options = new RateLimitBenchmarkOptions
        {
            Rate = args.Double("rate", 20, min: 0.01, max: 10_000),
            Burst = args.Int("burst", 10, min: 1, max: 100_000),
            Duration = TimeSpan.FromSeconds(args.Double("seconds", 5, min: 0.5, max: 3600)),
            Callers = args.Int("callers", 50, min: 1, max: 10_000),
            MultiSeller = !args.Flag("single-seller"),
        };
        args.ThrowOnUnknown();

        var scenarios = options.MultiSeller ? "two scenarios" : "one scenario";
        context.Error.WriteLine($"spapi bench ratelimit: plan {F(options.Rate)}/s burst {options.Burst}, {options.Callers} callers, {F(options.Duration.TotalSeconds)} s ({scenarios}, real time)...");
        var report = await new RateLimitBenchmark(options).RunAsync(cancellationToken);

        context.Out.WriteLine($"single seller: {report.Succeeded} of {F(report.TheoreticalMax)} possible (utilization {F(report.Utilization)}), " +
            $"{report.Wire429} 429s on the wire of {report.Requests} requests, {report.Surfaced429} 429s surfaced, " +
            $"limiter wait p50 {F(report.LimiterWaitP50Ms)} ms / p99 {F(report.LimiterWaitP99Ms)} ms");
        foreach (var s in report.MultiSeller?.Sellers ?? [])
            context.Out.WriteLine($"  {s.Seller,-7} ({s.Role}, {s.Callers} callers, server {F(s.ServerRate)}/s burst {s.ServerBurst}): " +
                $"{s.Succeeded} of {F(s.TheoreticalMax)} (utilization {F(s.Utilization)}), wire429 {s.Wire429}, surfaced429 {s.Surfaced429}, " +
                $"limiter wait max {F(s.LimiterWaitMaxMs)} ms");
        if (report.MultiSeller is { } multi) context.Out.WriteLine($"sellers isolated: {(multi.Isolated ? "yes" : "NO")}");
        context.Out.WriteLine($"goals (utilization >= 0.99, surfaced429 = 0, wire429 <= 1%): {(report.GoalsMet ? "met" : "MISSED")}");

        await ReportFile.WriteAsync(context, reportPath, report.ToJson(), cancellationToken);
        return report.GoalsMet && report.MultiSeller?.Isolated != false ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
