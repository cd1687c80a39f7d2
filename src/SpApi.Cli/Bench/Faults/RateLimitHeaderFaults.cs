using Microsoft.Extensions.DependencyInjection;
using SpApi.Orders.V0;

namespace SpApi.Cli.Bench.Faults;

/// <summary>Hostile <c>x-amzn-RateLimit-Limit</c> and <c>Retry-After</c> values: never a crash, a hang or an untyped error.</summary>
internal static class RateLimitHeaderFaults
{
    private static readonly string[] Rates = ["1e-7", "0", "-1", "NaN", "Infinity", "1e308", "4.9e-324", "0.0000001", "abc", ""];

    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        .. Rates.Select(rate => new FaultScenario($"ratelimit-header-{FaultScenario.Slug(rate)}-bucket-refilling", run => RunAsync(run, rate, calls: 8))),
        .. Rates.Select(rate => new FaultScenario($"ratelimit-header-{FaultScenario.Slug(rate)}-bucket-full", run => RunAsync(run, rate, calls: 1))),
        new("retry-after-huge-on-429", RetryAfterHugeAsync),
        new("retry-after-negative-date-on-429", run => RetryAfterAsync(run, "Thu, 01 Jan 1970 00:00:00 GMT")),
    ];


    // Burst 1: after the first call the bucket refills on a timer, where a bad rate used to end the process.
    private static async Task RunAsync(FaultRun run, string rate, int calls)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{"AmazonOrderId":"1"}}""", ("x-amzn-RateLimit-Limit", rate)));
        await using var sp = run.CreatePipeline(o => o.RateLimiting.DefaultPlan = new(200, 1));
        var orders = sp.GetRequiredService<IOrdersClient>();
        for (var i = 0; i < calls; i++)
            await run.SucceedsAsync($"getOrder #{i} after x-amzn-RateLimit-Limit: {rate}", () => FaultRun.GetOrderAsync(orders, "902-1", run.CancellationToken));
        run.CheckNoLeaks();
    }

    private static Task RetryAfterHugeAsync(FaultRun run) => RetryAfterAsync(run, "999999999");

    private static async Task RetryAfterAsync(FaultRun run, string retryAfter)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 429, """{"errors":[{"code":"QuotaExceeded","message":"slow down"}]}""", ("Retry-After", retryAfter)));
        await using var sp = run.CreatePipeline();
        var orders = sp.GetRequiredService<IOrdersClient>();
        await run.ExpectAsync<SpApi.Runtime.SpApiException>($"getOrder with 429 Retry-After: {retryAfter}", () => FaultRun.GetOrderAsync(orders, "902-1", run.CancellationToken));
    }
}
