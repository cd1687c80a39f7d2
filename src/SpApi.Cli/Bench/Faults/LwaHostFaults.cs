using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpApi.Auth.Lwa;
using SpApi.Orders.V0;

namespace SpApi.Cli.Bench.Faults;

/// <summary>
/// LWA answering 3xx to another origin (following would re-post client_secret and refresh_token there), and LWA
/// endpoints that are not Amazon's: refused, nothing sent to the other origin.
/// </summary>
internal static class LwaHostFaults
{
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        .. new[] { 301, 302, 303, 307, 308 }.Select(status => new FaultScenario($"lwa-answers-{status}-to-elsewhere", run => RedirectAsync(run, status))),
        new("lwa-endpoint-foreign-https-host", run => ForeignHostAsync(run, "https://lwa.evil.example/auth/o2/token")),
        new("lwa-endpoint-lookalike-amazon-host", run => ForeignHostAsync(run, "https://api.amazon.com.evil.example/auth/o2/token")),
        new("lwa-endpoint-plain-http", run => ForeignHostAsync(run, "http://api.amazon.com/auth/o2/token")),
    ];

    private static async Task RedirectAsync(FaultRun run, int status)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""), lwa: ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.Headers.Location = new Uri(run.Elsewhere.BaseAddress, FaultRun.LwaPath).ToString();
            return Task.CompletedTask;
        });
        await using var sp = run.CreatePipeline();
        var e = await run.ExpectAsync<LwaException>($"LWA answered {status}", () =>
            FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        if (e is not null && (e.Error != LwaException.RedirectError || !e.Message.Contains(run.Elsewhere.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)))
            run.Note($"expected {LwaException.RedirectError} naming the other origin, got {e.Error}");
        // Any request at the other origin is the re-posted token request (client_secret, refresh_token in its body).
        run.Findings.TokenLeaks += run.Elsewhere.Seen.Count;
        if (run.SpApiRequests > 0) run.Note("SP-API was called without a token");
        if (run.LwaRequests != 1) run.Note($"{run.LwaRequests} LWA requests, expected 1 (a redirect is not retried)");
        run.CheckNoLeaks();
    }

    private static async Task ForeignHostAsync(FaultRun run, string endpoint)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""));
        await using var sp = run.CreatePipeline(o => o.LwaEndpoint = endpoint);
        await run.ExpectAsync<OptionsValidationException>($"LwaEndpoint {endpoint}", () =>
        {
            _ = sp.GetRequiredService<IOptions<Auth.SellingPartnerOptions>>().Value;
            return FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken);
        });
        run.Findings.TokenLeaks += run.Server.Seen.Count;
        run.CheckNoLeaks();
    }
}
