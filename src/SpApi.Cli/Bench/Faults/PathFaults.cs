using Microsoft.Extensions.DependencyInjection;
using SpApi.Orders.V0;
using SpApi.Uploads.V2020_11_01;

namespace SpApi.Cli.Bench.Faults;

/// <summary>Path arguments that would leave their operation: refused before sending, or escaped so they cannot.</summary>
internal static class PathFaults
{
    /// <summary>Refused with ArgumentException (they would collapse into another operation's path).</summary>
    private static readonly string[] Refused = ["", ".", ".."];

    /// <summary>Sent, escaped into one segment of the operation's own path.</summary>
    private static readonly string[] Escaped = ["%2E%2E", "..%2F..", "a/../..", "x?injected=1", "x#injected", "x&injected=1", "a b", "ü", "/", "...", ".a", "a\\..\\b"];

    private static readonly string[] RefusedResources = ["../../../feeds/2021-06-30/documents", "a/./b", "a//b", "", "/", "..", "a\\..\\..\\b"];

    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        .. Refused.Select(v => new FaultScenario($"path-getOrder-{FaultScenario.Slug(v)}-refused", run => GetOrderAsync(run, v, refused: true))),
        .. Escaped.Select(v => new FaultScenario($"path-getOrder-{FaultScenario.Slug(v)}-escaped", run => GetOrderAsync(run, v, refused: false))),
        .. RefusedResources.Select(v => new FaultScenario($"path-uploads-resource-{FaultScenario.Slug(v)}-refused", run => UploadAsync(run, v))),
        new("path-and-query-fuzz-every-generated-method", PathFuzz.RunAsync),
    ];


    private static async Task GetOrderAsync(FaultRun run, string orderId, bool refused)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 200, """{"payload":{"AmazonOrderId":"1"}}"""));
        await using var sp = run.CreatePipeline();
        var orders = sp.GetRequiredService<IOrdersClient>();
        if (refused) await run.ExpectAsync<ArgumentException>($"getOrder(\"{orderId}\")", () => FaultRun.GetOrderAsync(orders, orderId, run.CancellationToken));
        else await run.SucceedsAsync($"getOrder(\"{orderId}\")", () => FaultRun.GetOrderAsync(orders, orderId, run.CancellationToken));
        if (refused && run.SpApiRequests > 0) run.Note($"getOrder(\"{orderId}\") was sent");
        run.CheckOperation(OrdersClient.SpApiOperations.Get("getOrder"));
        run.CheckNoLeaks();
    }

    private static async Task UploadAsync(FaultRun run, string resource)
    {
        run.Answer(ctx => HostileServer.WriteAsync(ctx, 201, """{"payload":{"uploadDestinationId":"1","url":"https://example.com"}}"""));
        await using var sp = run.CreatePipeline();
        var uploads = sp.GetRequiredService<IUploadsClient>();
        await run.ExpectAsync<ArgumentException>($"createUploadDestinationForResource(\"{resource}\")", () =>
            uploads.CreateUploadDestinationForResourceAsync(["ATVPDKIKX0DER"], "md5", resource, null, run.CancellationToken));
        run.CheckOperation(UploadsClient.SpApiOperations.Get("createUploadDestinationForResource"));
        run.CheckNoLeaks();
    }
}
