using System.Diagnostics;
using System.Security.Cryptography;
using SpApi.Clients;
using SpApi.Runtime;
using SpApi.Sandbox;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Stats;

namespace SpApi.Cli.Bench.Fleet;

/// <summary>Options of <see cref="FleetBenchmark"/>.</summary>
internal sealed record FleetBenchmarkOptions(int Workers, int Callers, TimeSpan Duration, double RateScale, string? Redis, SandboxCaseCatalog Cases);

/// <summary>
/// <c>bench fleet</c>: N real worker processes (this executable, hidden verb <c>bench fleet-worker</c>) call for one
/// seller against the local sandbox enforcing the usage plan, first on buckets and tokens shared through Redis,
/// then (baseline) each on its own. Each phase gets a fresh sandbox, so both start from a full server bucket.
/// Workers connect and build their clients first, report ready, and start together on a "go" line.
/// </summary>
internal sealed class FleetBenchmark(FleetBenchmarkOptions options, TextWriter progress)
{
    /// <summary>The operation driven: awd listInventory (2 requests/s, burst 2; a plain GET with a sandbox case).</summary>
    public static OperationMetadata Operation =>
        SpApiOperationCatalog.Instance.Find("awd_2024-05-09.json", "listInventory")
        ?? throw new InvalidOperationException("awd listInventory is missing from the operation catalog.");

    public async Task<FleetReport> RunAsync(CancellationToken cancellationToken)
    {
        var plan = Operation.UsagePlan!;
        var rate = plan.Rate * options.RateScale;
        var burst = Math.Max(1, (int)Math.Ceiling(plan.Burst * options.RateScale));
        var max = burst + rate * options.Duration.TotalSeconds;

        using var garnet = options.Redis is null ? EmbeddedGarnet.Start() : null;
        var redis = options.Redis ?? garnet!.Endpoint;
        progress.WriteLine($"fleet: {options.Workers} workers x {options.Callers} callers, awd listInventory at {rate:0.###}/s burst {burst}, " +
            $"{options.Duration.TotalSeconds:0.#} s, Redis {(garnet is null ? redis : "embedded Garnet " + redis)}");
        var shared = await RunPhaseAsync(redis, cancellationToken);
        progress.WriteLine("baseline: the same fleet on per-process buckets and tokens");
        var baseline = await RunPhaseAsync(null, cancellationToken);

        return new FleetReport(options.Workers, Math.Round(max, 2), shared.Succeeded, Math.Round(shared.Succeeded / max, 4), shared.Wire429,
            shared.Surfaced429, shared.LwaRequests, new FleetBaseline(baseline.Succeeded, baseline.Wire429, baseline.Surfaced429));
    }

    /// <summary>Both phases as measured (shared, then baseline), for the console summary.</summary>
    public List<FleetPhase> Phases { get; } = [];

    private async Task<FleetPhase> RunPhaseAsync(string? redis, CancellationToken cancellationToken)
    {
        var sellers = BenchSeller.Create(2);
        var (seller, warmUp) = (sellers[0], sellers[1]);
        var sandboxOptions = new SandboxOptions { Cases = options.Cases, Catalog = SpApiOperationCatalog.Instance, RateScale = options.RateScale };
        foreach (var s in sellers) sandboxOptions.Credentials.Add(s.Credential);
        await using var server = await SandboxServer.StartAsync(sandboxOptions, cancellationToken);

        var settings = new FleetWorkerSettings(server.BaseAddress, redis, "spapi-bench-" + Guid.NewGuid().ToString("N")[..8],
            options.Workers, options.Callers, options.Duration, options.RateScale);
        var tokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var workers = Enumerable.Range(0, options.Workers).Select(_ => FleetWorkerProcess.Start(settings, seller.RefreshToken, warmUp.RefreshToken, tokenKey)).ToArray();
        try
        {
            await Task.WhenAll(workers.Select(w => w.WaitReadyAsync(cancellationToken)));
            var before = await ReadStatsAsync(server.BaseAddress, cancellationToken);
            foreach (var worker in workers) await worker.GoAsync();
            var tallies = await Task.WhenAll(workers.Select(w => w.ResultAsync(cancellationToken)));
            var after = await ReadStatsAsync(server.BaseAddress, cancellationToken);
            // The bench seller's figures only: the warm-up calls (one per worker, another seller, before the window) are left out.
            var phase = new FleetPhase(tallies.Sum(t => t.Succeeded), tallies.Sum(t => t.Surfaced429), tallies.Sum(t => t.Failed),
                after.RequestsBySeller.GetValueOrDefault(seller.SellerId), after.Throttled - before.Throttled,
                after.TokenGrantsBySeller.GetValueOrDefault(seller.SellerId),
                tallies.Select(t => t.FirstError).FirstOrDefault(e => e is not null));
            Phases.Add(phase);
            return phase;
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
        }
    }

    private static async Task<SandboxStatsSnapshot> ReadStatsAsync(Uri sandbox, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = sandbox };
        return SandboxStatsSnapshot.FromJson(await http.GetStringAsync("_sandbox/stats", cancellationToken));
    }
}
