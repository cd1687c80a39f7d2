using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth;
using SpApi.Auth.Redis;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tokens;
using SpApi.Awd.V2024_05_09;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.Fleet;

/// <summary>What one worker process of <c>bench fleet</c> counted.</summary>
internal sealed record FleetWorkerTally(int Succeeded, int Surfaced429, int Failed, string? FirstError)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static FleetWorkerTally FromJson(string json) =>
        JsonSerializer.Deserialize<FleetWorkerTally>(json) ?? throw new InvalidDataException("A fleet worker reported nothing.");
}

/// <summary>Settings a worker process gets from the coordinator (secrets come through its environment, never its command line).</summary>
internal sealed record FleetWorkerSettings(Uri Sandbox, string? Redis, string KeyPrefix, int Workers, int Callers, TimeSpan Duration, double RateScale)
{
    public const string RefreshTokenVariable = "SPAPI_FLEET_REFRESH_TOKEN";
    public const string TokenKeyVariable = "SPAPI_FLEET_TOKEN_KEY";
    public const string WarmUpTokenVariable = "SPAPI_FLEET_WARMUP_REFRESH_TOKEN";

    /// <summary>The seller each worker calls once before the start signal (JIT, connections), never during the window.</summary>
    public const string WarmUpSeller = "warm-up";
}

/// <summary>
/// One worker of the fleet benchmark: the real client (<see cref="SellingPartnerClient"/>, default pipeline) for the
/// benchmark's one seller, on buckets shared through Redis (or its own, for the baseline). Callers loop on awd
/// listInventory until the window closes; calls still waiting for a token then are cancelled (their tokens go back).
/// </summary>
internal sealed class FleetWorkerRun(FleetWorkerSettings settings)
{
    public SellingPartnerClient CreateClient()
    {
        var options = new SellingPartnerOptions
        {
            ClientId = BenchSeller.ClientId,
            ClientSecret = BenchSeller.ClientSecret,
            RefreshToken = Environment.GetEnvironmentVariable(FleetWorkerSettings.RefreshTokenVariable)
                ?? throw new InvalidOperationException(FleetWorkerSettings.RefreshTokenVariable + " is not set."),
            BaseAddress = settings.Sandbox.ToString(),
            LwaEndpoint = new Uri(settings.Sandbox, "auth/o2/token").ToString(),
            AllowLoopbackBaseAddress = true,
            AppName = "spapi-bench-fleet",
        };
        if (Environment.GetEnvironmentVariable(FleetWorkerSettings.WarmUpTokenVariable) is { Length: > 0 } warmUp)
            options.Sellers[FleetWorkerSettings.WarmUpSeller] = new SellerOptions { RefreshToken = warmUp };
        SandboxRatePlans.Apply(options.RateLimiting, settings.RateScale);
        return SellingPartnerClient.Create(options, builder =>
        {
            if (settings.Redis is null) return;
            builder.UseRedis(settings.Redis, o =>
            {
                o.KeyPrefix = settings.KeyPrefix;
                o.ExpectedFleetSize = settings.Workers;
                o.TokenEncryptionKey = Environment.GetEnvironmentVariable(FleetWorkerSettings.TokenKeyVariable);
            });
        });
    }

    /// <summary>
    /// Before the start signal: connects to Redis and sends one call for another seller (its own token and bucket), so
    /// the window measures paced calls, not JIT and connection set-up. The benchmark counts the bench seller only.
    /// </summary>
    public static async Task WarmUpAsync(SellingPartnerClient client, CancellationToken cancellationToken)
    {
        if (client.Services.GetService<FleetRedis>() is { } redis) await redis.DatabaseAsync();
        if (Environment.GetEnvironmentVariable(FleetWorkerSettings.WarmUpTokenVariable) is { Length: > 0 })
            await client.For(FleetWorkerSettings.WarmUpSeller).Get<IAwdClient>().ListInventoryAsync(cancellationToken: cancellationToken);
        // The bench seller's token too (through the shared cache: one LWA request for the fleet). Otherwise the first
        // call reserves the burst, then spends its LWA round trip before sending, and the server's bucket starts that
        // much later than ours: a fleet in steady state holds a token, which is what the window measures.
        var sellers = client.Services.GetRequiredService<ISellerRegistry>();
        await client.Services.GetRequiredService<AccessTokenProvider>().GetSellerTokenAsync(sellers.Get(sellers.DefaultSeller!), cancellationToken);
    }

    public async Task<FleetWorkerTally> RunAsync(SellingPartnerClient client, CancellationToken cancellationToken)
    {
        var awd = client.Get<IAwdClient>();
        var plan = client.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SellingPartnerOptions>>().Value.RateLimiting
            .PlanFor(FleetBenchmark.Operation);
        // Half a refill interval past the window: a token due exactly at the end is not lost to timer lateness.
        using var window = new CancellationTokenSource(settings.Duration + TimeSpan.FromSeconds(0.5 / plan.Rate));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, window.Token);
        int succeeded = 0, surfaced429 = 0, failed = 0;
        string? firstError = null;
        await Task.WhenAll(Enumerable.Range(0, settings.Callers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await awd.ListInventoryAsync(cancellationToken: stop.Token);
                    Interlocked.Increment(ref succeeded);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SpApiException e) when (e.StatusCode == 429)
                {
                    Interlocked.Increment(ref surfaced429);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                }
            }
        }, CancellationToken.None)));
        cancellationToken.ThrowIfCancellationRequested();
        return new FleetWorkerTally(succeeded, surfaced429, failed, firstError);
    }
}
