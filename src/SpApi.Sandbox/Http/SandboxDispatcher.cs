using Microsoft.AspNetCore.Http;
using SpApi.Sandbox.Auth;
using SpApi.Sandbox.Routing;
using SpApi.Sandbox.Stats;

namespace SpApi.Sandbox.Http;

/// <summary>The sandbox's single request handler: LWA, consent, admin endpoints (stats, faults), then the SP-API operations.</summary>
internal sealed class SandboxDispatcher(
    LwaTokenEndpoint lwa,
    ConsentEndpoint consent,
    FaultsEndpoint faults,
    OperationRouter router,
    OperationEndpoint operations,
    SandboxStats stats)
{
    public const string StatsPath = "/_sandbox/stats";

    /// <summary>Document storage stand-in (presigned URLs of reports, feeds and Data Kiosk).</summary>
    public Documents.DocumentHost? Documents { get; init; }

    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers[SpApiResponses.RequestIdHeader] = Guid.NewGuid().ToString();
        var path = context.Request.Path.Value ?? "/";
        switch (path)
        {
            case LwaTokenEndpoint.Path:
                await lwa.HandleAsync(context);
                return;
            case ConsentEndpoint.Path:
                await consent.HandleAsync(context);
                return;
            case FaultsEndpoint.Path:
                await faults.HandleAsync(context);
                return;
            case StatsPath when HttpMethods.IsGet(context.Request.Method):
                await SpApiResponses.WriteRawAsync(context, StatusCodes.Status200OK, stats.Snapshot().ToJson());
                return;
        }

        if (Documents is not null && path.StartsWith(SpApi.Sandbox.Documents.DocumentHost.PathPrefix, StringComparison.Ordinal))
        {
            await Documents.HandleAsync(context);
            return;
        }

        var rawPath = RequestReader.RawPath(context);
        if (router.Match(context.Request.Method, rawPath) is { } route)
        {
            await operations.HandleAsync(context, route);
            return;
        }
        // SP-API routes by method and path: either unknown is a missing resource (404), explained by the sandbox.
        var explanation = router.PathExists(rawPath)
            ? $"{context.Request.Method} is not allowed on {rawPath}: the models define other methods for this path."
            : $"No SP-API operation has the path {rawPath}.";
        await SpApiResponses.WriteExplainedErrorAsync(context, StatusCodes.Status404NotFound, SpApiResponses.ResourceNotFoundCode,
            SpApiResponses.ResourceNotFound, explanation);
    }
}
