using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Lwa;
using SpApi.Auth.Restricted;
using SpApi.Auth.Tokens;
using SpApi.Orders.V0;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.Faults;

/// <summary>Tokens that are not tokens (CR/LF, spaces, megabytes) from LWA, the Tokens API, a shared cache or the caller.</summary>
internal static class TokenShapeFaults
{
    private static readonly (string Label, string Token)[] BadTokens =
    [
        ("crlf-header", "Atza|x\r\nX-Injected: 1"),
        ("lf", "Atza|x\nX-Injected: 1"),
        ("space", "Atza| x"),
        ("nul", "Atza|\0x"),
        ("non-ascii", "Atza|ü"),
        ("64k", "Atza|" + new string('a', 65_536)),
    ];

    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        .. BadTokens.Select(b => new FaultScenario($"token-lwa-{b.Label}", run => LwaTokenAsync(run, b.Token))),
        .. BadTokens.Select(b => new FaultScenario($"token-rdt-{b.Label}", run => RdtAsync(run, b.Token))),
        .. BadTokens.Select(b => new FaultScenario($"token-cache-planted-{b.Label}", run => PlantedAsync(run, b.Token))),
        .. BadTokens.Select(b => new FaultScenario($"token-caller-rdt-{b.Label}", run => CallerRdtAsync(run, b.Token))),
    ];

    private static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static async Task LwaTokenAsync(FaultRun run, string token)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""),
            ctx => HostileServer.WriteAsync(ctx, 200, $$"""{"access_token":{{Json(token)}},"token_type":"bearer","expires_in":3600}"""));
        await using var sp = run.CreatePipeline();
        await run.ExpectAsync<LwaException>("getOrder with a malformed LWA token", () => FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        if (run.SpApiRequests > 0) run.Note("a request was sent with a malformed token");
        run.Findings.TokenLeaks += run.SpApiRequests;
        run.CheckNoLeaks();
    }

    private static async Task RdtAsync(FaultRun run, string token)
    {
        run.Answer(ctx => ctx.Request.Path.Value!.StartsWith("/tokens/", StringComparison.Ordinal)
            ? HostileServer.WriteAsync(ctx, 200, $$"""{"restrictedDataToken":{{Json(token)}},"expiresIn":3600}""")
            : HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""));
        await using var sp = run.CreatePipeline();
        using (RestrictedData.Request("buyerInfo"))
            await run.ExpectAsync<InvalidTokenException>("getOrder with a malformed RDT", () => FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        var sentOrders = run.Server.Seen.Count(r => r.Path.StartsWith("/orders/", StringComparison.Ordinal));
        if (sentOrders > 0) run.Note("the restricted call was sent with a malformed RDT");
        run.Findings.TokenLeaks += sentOrders;
        run.CheckNoLeaks();
    }

    // A shared cache (Redis) may hold anything: a planted value is a miss, a fresh token is fetched from LWA.
    private static async Task PlantedAsync(FaultRun run, string token)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""));
        await using var sp = run.CreatePipeline();
        var key = TokenCacheKeys.Seller("amzn1.application-oa2-client.faults", FaultRun.RefreshToken);
        await sp.GetRequiredService<ITokenCache>().SetAsync(key, new CachedToken(token, DateTimeOffset.UtcNow.AddHours(1)), run.CancellationToken);
        await run.SucceedsAsync("getOrder over a planted cache entry", () => FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        foreach (var r in run.Server.Seen.Where(r => r.Path.StartsWith("/orders/", StringComparison.Ordinal)))
            if (!r.Headers.TryGetValue("x-amz-access-token", out var sent) || sent != FaultRun.AccessToken)
            {
                run.Findings.TokenLeaks++;
                run.Note("the planted cache value was sent");
            }
        run.CheckNoLeaks();
    }

    private static async Task CallerRdtAsync(FaultRun run, string token)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""));
        await using var sp = run.CreatePipeline();
        await run.TypedOutcomeAsync("RestrictedData.Use(malformed)", () => { using (RestrictedData.Use(token)) { } return Task.CompletedTask; });
        using (SpApiCall.With(new SpApiCallOptions { RestrictedDataToken = token }))
            await run.ExpectAsync<InvalidTokenException>("getOrder with a malformed caller RDT", () => FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        run.Findings.TokenLeaks += run.SpApiRequests;
        run.CheckNoLeaks();
    }
}
