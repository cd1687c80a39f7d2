using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpApi.Auth.Restricted;
using SpApi.Orders.V0;

namespace SpApi.Cli.Bench.Faults;

/// <summary>
/// Every log entry at Trace, recorded as a structured sink exports it (state values, scopes, exception), while the
/// pipeline gets an access token, an RDT, a 403, a 429 and a 500: an entry holding a secret is a token leak.
/// </summary>
internal static class LogStateFaults
{
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        new("log-state-trace-success-rdt-and-errors", RunAsync),
    ];

    private static async Task RunAsync(FaultRun run)
    {
        var status = 200;
        run.Answer(ctx => ctx.Request.Path.Value!.StartsWith("/tokens/", StringComparison.Ordinal)
            ? HostileServer.WriteAsync(ctx, 200, $$"""{"restrictedDataToken":"{{FaultRun.RestrictedDataToken}}","expiresIn":3600}""")
            : HostileServer.WriteAsync(ctx, status, status == 200 ? """{"payload":{}}""" : """{"errors":[{"code":"X","message":"no"}]}"""));
        var recorder = new LogStateRecorder();
        await using (var sp = run.CreatePipeline(o => o.Retry.MaxRetryAttempts = 1,
            s => s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(recorder))))
        {
            var orders = sp.GetRequiredService<IOrdersClient>();
            await run.SucceedsAsync("getOrder with an access token", () => FaultRun.GetOrderAsync(orders, "902-1", run.CancellationToken));
            using (RestrictedData.Request("buyerInfo"))
                await run.SucceedsAsync("getOrder with an RDT", () => FaultRun.GetOrderAsync(orders, "902-2", run.CancellationToken));
            foreach (var s in new[] { 403, 429, 500 })
            {
                status = s;
                await run.TypedOutcomeAsync($"getOrder answered {s}", () => FaultRun.GetOrderAsync(orders, "902-3", run.CancellationToken));
            }
        }
        if (recorder.Entries.IsEmpty) run.Note("nothing was logged at Trace: the scan proves nothing");
        foreach (var leak in recorder.Leaks(FaultRun.Secrets))
        {
            run.Findings.TokenLeaks++;
            run.Note($"log state holds a secret: {leak[..Math.Min(160, leak.Length)]}");
        }
        run.CheckNoLeaks();
    }
}
