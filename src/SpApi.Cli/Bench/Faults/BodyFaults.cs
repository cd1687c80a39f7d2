using Microsoft.Extensions.DependencyInjection;
using SpApi.Orders.V0;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.Faults;

/// <summary>Huge and cut SP-API bodies: error bodies capped at 1 MB (marked), resets typed, memory bounded.</summary>
internal static class BodyFaults
{
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        .. new[] { 500, 403, 418, 401, 400, 404 }.Select(status => new FaultScenario($"spapi-200mb-error-{status}", run => HugeErrorAsync(run, status))),
        new("spapi-200mb-error-text-plain-503", run => HugeErrorAsync(run, 503, "text/plain")),
        new("spapi-reset-mid-body-200", run => ResetAsync(run, 200)),
        new("spapi-reset-mid-body-500", run => ResetAsync(run, 500)),
        new("spapi-reset-mid-body-400", run => ResetAsync(run, 400)),
        new("spapi-error-body-not-json", run => SmallErrorAsync(run, 400, "<html>nope</html>")),
        new("spapi-error-body-wrong-shape", run => SmallErrorAsync(run, 400, """{"errors":"nope"}""")),
        new("spapi-success-body-wrong-shape", run => SmallErrorAsync(run, 200, "[1,2,3]")),
    ];

    private static async Task HugeErrorAsync(FaultRun run, int status, string contentType = "application/json")
    {
        run.Answer(ctx => HostileServer.StreamHugeAsync(ctx, status, FaultSuite.HugeBytes, contentType));
        await using var sp = run.CreatePipeline();
        var e = await run.ExpectAsync<SpApiException>($"getOrder answered {status} with 200 MB", () =>
            FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        if (e is not null && e.BodyTruncated is null) run.Note($"{status}: the cut body is not marked");
        if (e?.Response is { Length: > ErrorBodyCap }) run.Note($"{status}: {e.Response.Length} characters kept");
        run.CheckNoLeaks();
    }

    private const int ErrorBodyCap = Auth.Handlers.ErrorBodyLimit.MaxBytes;

    private static async Task ResetAsync(FaultRun run, int status)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, "{}"));
        await using var raw = new RawAnswerServer(status, """{"payload":{"AmazonOrderId":"9""");
        await using var sp = run.CreatePipeline(o => o.BaseAddress = raw.BaseAddress.ToString());
        await run.ExpectAsync<SpApiException>($"getOrder {status} cut mid-body", () =>
            FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
    }

    private static async Task SmallErrorAsync(FaultRun run, int status, string body)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, status, body));
        await using var sp = run.CreatePipeline();
        await run.ExpectAsync<SpApiException>($"getOrder answered {status} {body}", () =>
            FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        run.CheckNoLeaks();
    }
}
