using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Lwa;
using SpApi.Orders.V0;

namespace SpApi.Cli.Bench.Faults;

/// <summary>LWA answers of the wrong shape, huge or cut: always an <see cref="LwaException"/>, memory bounded.</summary>
internal static class LwaAnswerFaults
{
    private static readonly (string Label, int Status, string Body)[] Shapes =
    [
        ("array", 200, "[]"),
        ("string", 200, "\"Atza|x\""),
        ("number", 200, "42"),
        ("null", 200, "null"),
        ("token-number", 200, """{"access_token":5,"expires_in":3600}"""),
        ("token-object", 200, """{"access_token":{"a":1},"expires_in":3600}"""),
        ("expires-string", 200, """{"access_token":"Atza|x","expires_in":"3600"}"""),
        ("expires-huge", 200, """{"access_token":"Atza|x","expires_in":1e300}"""),
        ("expires-negative", 200, """{"access_token":"Atza|x","expires_in":-5}"""),
        ("expires-too-long", 200, """{"access_token":"Atza|x","expires_in":2147483647}"""),
        ("not-json", 200, "<html>hi</html>"),
        ("empty", 200, ""),
        ("error-array", 400, "[]"),
        ("error-number-code", 400, """{"error":5,"error_description":["x"]}"""),
        ("error-crlf-code", 400, """{"error":"invalid\r\ngrant"}"""),
    ];

    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        .. Shapes.Select(s => new FaultScenario($"lwa-shape-{s.Label}", run => ShapeAsync(run, s.Status, s.Body))),
        new("lwa-200mb-token-answer", run => HugeAsync(run, 200)),
        new("lwa-200mb-error-answer", run => HugeAsync(run, 400)),
        new("lwa-reset-mid-body", ResetAsync),
    ];

    private static async Task ShapeAsync(FaultRun run, int status, string body)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""), ctx => HostileServer.WriteAsync(ctx, status, body));
        await using var sp = run.CreatePipeline();
        await run.ExpectAsync<LwaException>($"LWA answering {status} {body}", () => FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        run.Findings.TokenLeaks += run.SpApiRequests;
        run.CheckNoLeaks();
    }

    private static async Task HugeAsync(FaultRun run, int status)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""), ctx => HostileServer.StreamHugeAsync(ctx, status, FaultSuite.HugeBytes));
        await using var sp = run.CreatePipeline();
        await run.ExpectAsync<LwaException>($"LWA answering {status} with 200 MB", () => FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        run.CheckNoLeaks();
    }

    private static async Task ResetAsync(FaultRun run)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{}}"""));
        await using var raw = new RawAnswerServer(200, """{"access_token":"Atza|""");
        await using var sp = run.CreatePipeline(o => o.LwaEndpoint = new Uri(raw.BaseAddress, "auth/o2/token").ToString());
        await run.ExpectAsync<LwaException>("LWA answer cut mid-body", () => FaultRun.GetOrderAsync(sp.GetRequiredService<IOrdersClient>(), "902-1", run.CancellationToken));
        run.Findings.TokenLeaks += run.SpApiRequests;
        run.CheckNoLeaks();
    }
}
