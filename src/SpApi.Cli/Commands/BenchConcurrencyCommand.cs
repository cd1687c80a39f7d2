using SpApi.Cli.Bench;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Commands;

/// <summary>
/// <c>spapi bench concurrency [--sellers 50] [--calls 10000] --report FILE</c>: many sellers' calls at once through
/// one client and the full pipeline against the embedded sandbox (see <see cref="ConcurrencyBenchmark"/>).
/// </summary>
public sealed class BenchConcurrencyCommand : ICliCommand
{
    public string Name => "bench concurrency";
    public string Summary => "Drive many sellers' calls at once through one client; check one LWA refresh per seller and no cross-seller token use.";
    public string Usage => """
        Options:
          --report FILE         write the JSON report here (calls, sellers, failures, lwaRequests, rdtRequests, crossSellerMixups)
          --sellers N           sellers, each with its own refresh token and seller id (default 50)
          --calls N             calls started at once, round-robin over the sellers (default 10000)
          --restricted-every N  every N-th round of calls (one per seller, from the first) is the restricted
                                Orders v0 getOrder, the rest Sellers getMarketplaceParticipations (default 4)
          --rate-scale X        multiply the sandbox's and the client's usage plans by X (default: enough for each
                                seller's calls to fit the bursts, at least 100)
          --connections N       HTTP connections to the sandbox (default 64)
          --models DIR          the model JSON files (default: SPAPI_MODELS_DIR or the repository's models/)
        Exit code 0 when lwaRequests = sellers, crossSellerMixups = 0 and failures = 0, else 1.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var reportPath = args.String("report");
        var sellers = args.Int("sellers", 50, min: 1, max: 10_000);
        var calls = args.Int("calls", 10_000, min: 1, max: 10_000_000);
        var restrictedEvery = args.Int("restricted-every", 4, min: 1, max: 1_000_000);
        var rateScale = args.String("rate-scale") is null ? (double?)null : args.Double("rate-scale", 100, min: 0.001, max: 1_000_000);
        var connections = args.Int("connections", 64, min: 1, max: 10_000);
        var models = args.String("models");
        args.ThrowOnUnknown();
        if (calls < sellers) throw new CliUsageException($"--calls ({calls}) must be at least --sellers ({sellers}): every seller makes a call.");

        var options = new ConcurrencyBenchmarkOptions
        {
            Sellers = sellers,
            Calls = calls,
            RestrictedEvery = restrictedEvery,
            RateScale = rateScale,
            Connections = connections,
            Cases = SandboxCaseCatalog.LoadDefault(models),
        };
        context.Error.WriteLine($"spapi bench concurrency: {calls} calls for {sellers} sellers against the embedded sandbox...");
        var result = await new ConcurrencyBenchmark(options).RunAsync(cancellationToken);

        ConcurrencySummary.Write(result, context.Out);
        await ReportFile.WriteAsync(context, reportPath, result.Report.ToJson(), cancellationToken);
        return result.Report.GoalsMet ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
