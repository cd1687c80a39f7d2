using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Handlers;
using SpApi.Feeds.V2021_06_30;
using SpApi.Orders.V0;

namespace SpApi.Cli.Bench.Faults;

/// <summary>An SP-API host answering 3xx to another origin: never followed, no token sent there, a typed error.</summary>
internal static class RedirectFaults
{
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        .. new[] { 301, 302, 303, 307, 308 }.Select(status => new FaultScenario($"redirect-{status}-to-other-origin-get", run => GetAsync(run, status, absolute: true))),
        new("redirect-307-to-other-origin-post", PostAsync),
        new("redirect-302-relative-location", run => GetAsync(run, 302, absolute: false)),
        new("redirect-302-no-location", run => GetAsync(run, 302, absolute: null)),
    ];

    private static async Task GetAsync(FaultRun run, int status, bool? absolute)
    {
        var target = absolute switch
        {
            true => new Uri(run.Elsewhere.BaseAddress, "orders/v0/orders/902-1").ToString(),
            false => "/orders/v0/orders/elsewhere",
            null => null,
        };
        run.Answer(ctx =>
        {
            ctx.Response.StatusCode = status;
            if (target is not null) ctx.Response.Headers.Location = target;
            return Task.CompletedTask;
        });
        await using var sp = run.CreatePipeline();
        var e = await run.ExpectAsync<UnexpectedRedirectException>($"getOrder answered {status}", () =>
            FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        if (e is not null && absolute == true && e.Target != run.Elsewhere.BaseAddress.GetLeftPart(UriPartial.Authority))
            run.Note($"redirect target named '{e.Target}', expected the other origin");
        if (run.SpApiRequests != 1)
        {
            run.Findings.DuplicatedWrites += run.SpApiRequests > 1 ? 1 : 0;
            run.Note($"{run.SpApiRequests} requests reached the SP-API server, expected 1 (a redirect is not retried)");
        }
        run.CheckNoLeaks();
    }

    private static async Task PostAsync(FaultRun run)
    {
        run.Answer(ctx =>
        {
            ctx.Response.StatusCode = 307;
            ctx.Response.Headers.Location = new Uri(run.Elsewhere.BaseAddress, "feeds/2021-06-30/documents").ToString();
            return Task.CompletedTask;
        });
        await using var sp = run.CreatePipeline();
        await run.ExpectAsync<UnexpectedRedirectException>("createFeedDocument answered 307", () =>
            sp.GetRequiredService<IFeedsClient>().CreateFeedDocumentAsync(new CreateFeedDocumentSpecification { ContentType = "text/xml" }, run.CancellationToken));
        if (run.SpApiRequests > 1) run.Findings.DuplicatedWrites++;
        run.CheckNoLeaks();
    }
}
