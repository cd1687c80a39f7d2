using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpApi.Orders.V0;

namespace SpApi.Cli.Bench.Faults;

/// <summary>Options a timer cannot take (MaxWait = 60 days...): refused when the pipeline is built, with the setting named.</summary>
internal static class OptionFaults
{
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        new("options-maxwait-60-days", run => RefusedAsync(run, o => o.RateLimiting.MaxWait = TimeSpan.FromDays(60))),
        new("options-plan-rate-1e-9", run => RefusedAsync(run, o => o.RateLimiting.DefaultPlan = new(1e-9, 1))),
        new("options-retry-maxtotaltime-60-days", run => RefusedAsync(run, o => o.Retry.MaxTotalTime = TimeSpan.FromDays(60))),
    ];

    private static async Task RefusedAsync(FaultRun run, Action<Auth.SellingPartnerOptions> configure)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""));
        await using var sp = run.CreatePipeline(configure);
        await run.ExpectAsync<OptionsValidationException>("building a pipeline with an out-of-range option", () =>
        {
            _ = sp.GetRequiredService<IOptions<Auth.SellingPartnerOptions>>().Value;
            return FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken);
        });
        run.Findings.TokenLeaks += 0;
    }
}
