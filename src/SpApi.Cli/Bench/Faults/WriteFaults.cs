using Microsoft.Extensions.DependencyInjection;
using SpApi.Feeds.V2021_06_30;

namespace SpApi.Cli.Bench.Faults;

/// <summary>Ambiguous failures of a write (POST): never replayed, so never duplicated.</summary>
internal static class WriteFaults
{
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        new("write-post-500-not-replayed", run => PostAsync(run, ctx => HostileServer.WriteAsync(ctx, 500, """{"errors":[{"code":"InternalFailure"}]}"""))),
        new("write-post-503-huge-not-replayed", run => PostAsync(run, ctx => HostileServer.StreamHugeAsync(ctx, 503, FaultSuite.HugeBytes))),
        new("write-post-cut-mid-body-not-replayed", CutAsync),
        new("write-post-abort-before-answer-not-replayed", run => PostAsync(run, ctx => { ctx.Abort(); return Task.CompletedTask; })),
    ];

    private static async Task CutAsync(FaultRun run)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, "{}"));
        await using var raw = new RawAnswerServer(500, "{\"errors\":[");
        await using var sp = run.CreatePipeline(o => o.BaseAddress = raw.BaseAddress.ToString());
        await run.TypedOutcomeAsync("createFeedDocument cut mid-body", () => sp.GetRequiredService<IFeedsClient>()
            .CreateFeedDocumentAsync(new CreateFeedDocumentSpecification { ContentType = "text/xml" }, run.CancellationToken));
        if (raw.Requests > 1)
        {
            run.Findings.DuplicatedWrites += raw.Requests - 1;
            run.Note($"createFeedDocument sent {raw.Requests} times");
        }
    }

    private static async Task PostAsync(FaultRun run, Func<Microsoft.AspNetCore.Http.HttpContext, Task> answer)
    {
        run.Answer(answer);
        await using var sp = run.CreatePipeline();
        await run.TypedOutcomeAsync("createFeedDocument", () => sp.GetRequiredService<IFeedsClient>()
            .CreateFeedDocumentAsync(new CreateFeedDocumentSpecification { ContentType = "text/xml" }, run.CancellationToken));
        if (run.SpApiRequests > 1)
        {
            run.Findings.DuplicatedWrites += run.SpApiRequests - 1;
            run.Note($"createFeedDocument sent {run.SpApiRequests} times");
        }
        run.CheckNoLeaks();
    }
}
