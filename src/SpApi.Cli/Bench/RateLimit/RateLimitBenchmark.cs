using System.Collections.Concurrent;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Resilience;
using SpApi.Auth.Telemetry;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.RateLimit;

/// <summary>
/// Drives one operation with many concurrent callers through the real Telemetry -> Retry -> RateLimit handlers
/// (default options) against a <see cref="PlanEnforcingHandler"/> that enforces the same usage plan, and reports
/// how much of the plan the callers got. Runs in real time (the point is to measure real timers and threads).
/// <para>
/// Scenario 1: one seller, <see cref="RateLimitBenchmarkOptions.Callers"/> callers, for the configured duration.
/// Scenario 2 (several sellers at once): a noisy seller whose real quota is lower than documented (429s until the
/// rate header is adopted), a steady seller saturating its plan, and a light seller calling at half its rate.
/// </para>
/// <para>
/// Each scenario accepts new work until duration + half a refill interval: a token falling due exactly at the end
/// (counted in burst + rate x seconds) is then not lost to timer lateness, and no further token can fall due.
/// </para>
/// </summary>
public sealed class RateLimitBenchmark(RateLimitBenchmarkOptions options, TimeProvider? timeProvider = null)
{
    private const string Endpoint = "https://sellingpartnerapi-na.amazon.com";
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    private sealed record Load(string Seller, string Role, UsagePlan ServerPlan, int Callers, TimeSpan? Pause);

    private sealed class Tally
    {
        public int Succeeded;
        public int Surfaced429;
        public int Refused;
        public int OtherFailures;
        public readonly ConcurrentQueue<double> WaitsMs = new();
    }

    public async Task<RateLimitBenchmarkReport> RunAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        var plan = new UsagePlan(options.Rate, options.Burst);
        var operation = new OperationMetadata("bench.json", "Bench", "V0", "benchRateLimit", "GET", "/bench/ratelimit", plan, false, null);

        if (options.WarmUp > TimeSpan.Zero)
            await RunScenarioAsync(operation, [new Load("warm-up", "warm-up", plan, options.Callers, null)], options.WarmUp, cancellationToken).ConfigureAwait(false);

        var single = (await RunScenarioAsync(operation, [new Load("seller-1", "saturating", plan, options.Callers, null)],
            options.Duration, cancellationToken).ConfigureAwait(false))[0];

        MultiSellerReport? multi = null;
        if (options.MultiSeller)
        {
            var noisyPlan = new UsagePlan(options.Rate * options.NoisyServerShare, Math.Max(1, options.Burst / 2));
            var sellers = await RunScenarioAsync(operation,
            [
                new Load("noisy", "quota lower than documented", noisyPlan, options.Callers, null),
                new Load("steady", "saturating", plan, options.Callers, null),
                new Load("light", "half its rate", plan, 1, TimeSpan.FromSeconds(2 / options.Rate)),
            ], options.Duration, cancellationToken).ConfigureAwait(false);
            var steady = sellers[1];
            var light = sellers[2];
            multi = new MultiSellerReport
            {
                Sellers = sellers,
                Isolated = MeetsGoals(steady) && light.Surfaced429 == 0 && light.LimiterWaitMaxMs <= 1000 / options.Rate,
            };
        }

        return new RateLimitBenchmarkReport(single)
        {
            Wire429Share = single.Requests == 0 ? 0 : Math.Round((double)single.Wire429 / single.Requests, 4),
            Rate = options.Rate,
            Burst = options.Burst,
            Seconds = options.Duration.TotalSeconds,
            Callers = options.Callers,
            GoalsMet = MeetsGoals(single),
            MultiSeller = multi,
        };
    }

    /// <summary>The goals: utilization at least 0.99, no 429 reaches a caller, at most 1% of requests get a 429.</summary>
    public static bool MeetsGoals(ScenarioFigures figures) =>
        figures.Utilization >= 0.99 && figures.Surfaced429 == 0 && figures.Wire429 <= 0.01 * figures.Requests
        && figures.Refused == 0 && figures.OtherFailures == 0;

    private async Task<IReadOnlyList<SellerFigures>> RunScenarioAsync(OperationMetadata operation, IReadOnlyList<Load> loads,
        TimeSpan duration, CancellationToken cancellationToken)
    {
        var plans = loads.ToDictionary(l => l.Seller, l => l.ServerPlan);
        var server = new PlanEnforcingHandler(seller => plans[seller], _time);
        var retryOptions = new RetryHandlerOptions();
        using var limiter = new SpApiRateLimiter(new RateLimitHandlerOptions(), _time);
        using var metrics = new SpApiMetrics();
        using var client = HandlerChains.Link(server,
            new TelemetryHandler(new TelemetryHandlerOptions(), metrics, _time),
            new RetryHandler(retryOptions, new RetryBudget(retryOptions, _time), _time),
            new RateLimitHandler(limiter));

        using var window = new CancellationTokenSource(duration + TimeSpan.FromSeconds(0.5 / operation.UsagePlan!.Rate), _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, window.Token);
        var tallies = loads.ToDictionary(l => l.Seller, _ => new Tally());
        var callers = loads.SelectMany(load => Enumerable.Range(0, load.Callers)
            .Select(_ => Task.Run(() => CallerAsync(client, operation, load, tallies[load.Seller], stop.Token), CancellationToken.None)));
        await Task.WhenAll(callers).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        return loads.Select(load => Figures(load, tallies[load.Seller], server.CountsFor(load.Seller), operation.UsagePlan.Rate, duration)).ToArray();
    }

    private async Task CallerAsync(HttpMessageInvoker client, OperationMetadata operation, Load load, Tally tally, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint + operation.PathTemplate);
            request.Options.Set(SpApiRequestOptions.Operation, operation);
            request.Options.Set(SpApiRequestOptions.Seller, load.Seller);
            var state = SpApiCallState.GetOrCreate(request);
            try
            {
                using var response = await client.SendAsync(request, stop).ConfigureAwait(false);
                switch ((int)response.StatusCode)
                {
                    case 200:
                        Interlocked.Increment(ref tally.Succeeded);
                        tally.WaitsMs.Enqueue(state.LimiterWait.TotalMilliseconds);
                        break;
                    case 429: Interlocked.Increment(ref tally.Surfaced429); break;
                    default: Interlocked.Increment(ref tally.OtherFailures); break;
                }
                if (load.Pause is { } pause) await Task.Delay(pause, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (RateLimitExceededException)
            {
                Interlocked.Increment(ref tally.Refused);
            }
        }
    }

    private static SellerFigures Figures(Load load, Tally tally, (int Accepted, int Throttled) server, double clientRate, TimeSpan duration)
    {
        var max = load.ServerPlan.Burst + load.ServerPlan.Rate * duration.TotalSeconds;
        var waits = tally.WaitsMs.OrderBy(w => w).ToArray();
        return new SellerFigures
        {
            Seller = load.Seller,
            Role = load.Role,
            Callers = load.Callers,
            ClientRate = clientRate,
            ServerRate = load.ServerPlan.Rate,
            ServerBurst = load.ServerPlan.Burst,
            TheoreticalMax = max,
            Succeeded = tally.Succeeded,
            Utilization = Math.Round(tally.Succeeded / max, 4),
            Wire429 = server.Throttled,
            Surfaced429 = tally.Surfaced429,
            Requests = server.Accepted + server.Throttled,
            LimiterWaitP50Ms = Percentile(waits, 0.50),
            LimiterWaitP99Ms = Percentile(waits, 0.99),
            LimiterWaitMaxMs = waits.Length == 0 ? 0 : Math.Round(waits[^1], 1),
            Refused = tally.Refused,
            OtherFailures = tally.OtherFailures,
        };
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
}
