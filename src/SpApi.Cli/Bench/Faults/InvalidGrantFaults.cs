using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Lwa;
using SpApi.Orders.V0;

namespace SpApi.Cli.Bench.Faults;

/// <summary>A revoked refresh token: every queued call of that seller fails at once with LwaException; LWA asked little.</summary>
internal static class InvalidGrantFaults
{
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        new("invalid-grant-1000-concurrent-calls-fail-fast", run => ConcurrentAsync(run, 1000)),
    ];

    private static async Task ConcurrentAsync(FaultRun run, int calls)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""),
            ctx => HostileServer.WriteAsync(ctx, 400, """{"error":"invalid_grant","error_description":"The request has an invalid grant parameter : refresh_token"}"""));
        // A slow plan: without the fail-fast, queued callers would wait here until MaxWait.
        await using var sp = run.CreatePipeline(o =>
        {
            o.RateLimiting.DefaultPlan = new(0.01, 5);
            o.RateLimiting.MaxWait = TimeSpan.FromMinutes(10);
        });
        var orders = sp.GetRequiredService<IOrdersClient>();
        var wrong = 0;
        var tasks = Enumerable.Range(0, calls).Select(async i =>
        {
            try
            {
                await FaultRun.GetOrderAsync(orders, "902-" + i, run.CancellationToken);
                Interlocked.Increment(ref wrong);
            }
            catch (LwaException e) when (e.Error == "invalid_grant")
            {
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref wrong);
                if (!FaultRun.IsDocumented(e)) Interlocked.Increment(ref run.Findings.UntypedErrors);
            }
        }).ToArray();
        // Without the fail-fast these would wait 10 minutes: bound the wait so a regression is reported, not hung.
        var all = Task.WhenAll(tasks);
        if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30), run.CancellationToken)) != all)
        {
            run.Findings.UntypedErrors++;
            run.Note("callers of a revoked seller still waiting after 30 s");
            return;
        }
        if (wrong > 0) run.Note($"{wrong} of {calls} calls did not fail with invalid_grant");
        if (wrong > 0) run.Findings.UntypedErrors++;
        if (run.LwaRequests > 5) run.Note($"LWA asked {run.LwaRequests} times");
        run.Findings.TokenLeaks += run.SpApiRequests;
        run.CheckNoLeaks();
    }
}
