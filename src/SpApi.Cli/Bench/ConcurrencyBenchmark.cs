using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth;
using SpApi.Clients;
using SpApi.Orders.V0;
using SpApi.Sandbox;
using SpApi.Sandbox.Auth;
using SpApi.Sandbox.Stats;
using SpApi.Sellers.V1;

namespace SpApi.Cli.Bench;

/// <summary>
/// Many sellers through one client: starts the embedded sandbox with a credential per seller, builds one
/// <see cref="SellingPartnerClient"/> configured with all of them, starts every call at once (round-robin over the
/// sellers; every n-th round of calls restricted, so each seller needs an RDT) and compares what each seller sent with what the
/// sandbox attributed to that seller's tokens.
/// </summary>
public sealed class ConcurrencyBenchmark(ConcurrencyBenchmarkOptions options)
{
    internal const string RestrictedOrderId = "TEST_CASE_200";
    private const int MaxFailureSamples = 5;

    public async Task<ConcurrencyBenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        var sellers = BenchSeller.Create(options.Sellers);
        var scale = options.RateScale ?? AutoRateScale(options);

        var sandboxOptions = new SandboxOptions { Cases = options.Cases, Catalog = SpApiOperationCatalog.Instance, RateScale = scale };
        foreach (var seller in sellers) sandboxOptions.Credentials.Add(seller.Credential);
        await using var server = await SandboxServer.StartAsync(sandboxOptions, cancellationToken);

        var counter = new SellerRequestCounter();
        SandboxStatsSnapshot stats;
        string?[] outcomes;
        TimeSpan elapsed;
        await using (var client = CreateClient(server, sellers, scale, counter))
        {
            var bound = sellers.Select(s => new BoundSeller(s, client.For(s.Name))).ToArray();
            var started = Stopwatch.GetTimestamp();
            outcomes = await Task.WhenAll(Enumerable.Range(0, options.Calls).Select(i =>
                Task.Run(() => CallAsync(bound[i % bound.Length], IsRestricted(i), cancellationToken), cancellationToken)));
            elapsed = Stopwatch.GetElapsedTime(started);
            stats = await ReadStatsAsync(server.BaseAddress, cancellationToken);
        }

        var counts = SellerCountComparison.Compare(counter.Counts, stats.RequestsBySeller);
        var failures = outcomes.Where(o => o is not null).ToArray();
        var report = new ConcurrencyReport(options.Calls, options.Sellers, failures.Length,
            stats.TokenGrants.GetValueOrDefault(GrantKind.RefreshToken), stats.RdtIssued, counts.Count(c => !c.Matches));
        return new ConcurrencyBenchmarkResult(report, counts, Enumerable.Range(0, options.Calls).Count(IsRestricted), stats.Throttled,
            elapsed, scale, failures.Distinct(StringComparer.Ordinal).Take(MaxFailureSamples).ToArray()!);
    }

    // By round (one call per seller), not by call index: with a shared factor of sellers and n, a call-index rule
    // would give restricted calls to only some sellers. Round 0 is restricted so every seller needs an RDT.
    private bool IsRestricted(int call) => call / options.Sellers % options.RestrictedEvery == 0;

    /// <summary>A scale at which each seller's calls fit in the smallest burst used, so the run takes seconds (at least 100).</summary>
    internal static double AutoRateScale(ConcurrencyBenchmarkOptions options)
    {
        var catalog = SpApiOperationCatalog.Instance;
        var smallestBurst = new[] { ("sellers.json", "getMarketplaceParticipations"), ("ordersV0.json", "getOrder"), ("tokens_2021-03-01.json", "createRestrictedDataToken") }
            .Select(o => catalog.Find(o.Item1, o.Item2)?.UsagePlan?.Burst ?? 1)
            .Min();
        var callsPerSeller = (options.Calls + options.Sellers - 1) / options.Sellers;
        return Math.Max(100, Math.Ceiling(2.0 * callsPerSeller / smallestBurst));
    }

    private SellingPartnerClient CreateClient(SandboxServer server, IReadOnlyList<BenchSeller> sellers, double scale, SellerRequestCounter counter)
    {
        var settings = new SellingPartnerOptions
        {
            ClientId = BenchSeller.ClientId,
            ClientSecret = BenchSeller.ClientSecret,
            BaseAddress = server.BaseAddress.ToString(),
            LwaEndpoint = server.TokenEndpoint.ToString(),
            AllowLoopbackBaseAddress = true,
            AppName = "spapi-bench",
            // The benchmark keeps restricted tokens apart per seller: getOrder must get an RDT, as for an app with the roles.
            HasRestrictedRoles = true,
        };
        foreach (var seller in sellers) settings.Sellers[seller.Name] = new SellerOptions { RefreshToken = seller.RefreshToken };
        SandboxRatePlans.Apply(settings.RateLimiting, scale);
        return SellingPartnerClient.Create(settings, builder => builder.ConfigurePrimaryHandler(_ => counter.Handler(Transport())));
    }

    private HttpMessageHandler Transport()
    {
        var socket = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections };
        if (options.WireTap?.Invoke() is not { } tap) return socket;
        tap.InnerHandler = socket;
        return tap;
    }

    /// <summary>Null when the call returned what the sandbox case promises, else what went wrong.</summary>
    private static async Task<string?> CallAsync(BoundSeller seller, bool restricted, CancellationToken cancellationToken)
    {
        using var scope = SellerRequestCounter.ActAs(seller.Seller.SellerId);
        try
        {
            if (restricted)
            {
#pragma warning disable CS0612 // Orders v0 is deprecated in favour of 2026-01-01 but still served, and its getOrder always needs an RDT.
                var order = await seller.Orders.GetOrderAsync(RestrictedOrderId, cancellationToken);
#pragma warning restore CS0612
                return order?.Payload?.AmazonOrderId is { Length: > 0 } ? null : "getOrder answered without an order";
            }
            var participations = await seller.Sellers.GetMarketplaceParticipationsAsync(cancellationToken);
            return participations?.Payload is { Count: > 0 } ? null : "getMarketplaceParticipations answered without participations";
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static async Task<SandboxStatsSnapshot> ReadStatsAsync(Uri sandbox, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = sandbox };
        return SandboxStatsSnapshot.FromJson(await http.GetStringAsync("_sandbox/stats", cancellationToken));
    }

    private sealed class BoundSeller(BenchSeller seller, SellerClients clients)
    {
        public BenchSeller Seller { get; } = seller;
        public IOrdersClient Orders { get; } = clients.Get<IOrdersClient>();
        public ISellersClient Sellers { get; } = clients.Get<ISellersClient>();
    }
}
