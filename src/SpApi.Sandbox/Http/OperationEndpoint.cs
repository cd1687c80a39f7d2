using Microsoft.AspNetCore.Http;
using SpApi.Runtime;
using SpApi.Sandbox.Auth;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Faults;
using SpApi.Sandbox.Matching;
using SpApi.Sandbox.Routing;
using SpApi.Sandbox.Stats;
using SpApi.Sandbox.Throttling;

namespace SpApi.Sandbox.Http;

/// <summary>
/// One SP-API call, in SP-API's order: authorise (403), apply the usage plan (429), inject a fault if one
/// is due, then answer from the static cases (400 naming what did not match when none does).
/// </summary>
internal sealed class OperationEndpoint(
    OperationCatalog catalog,
    AccessGuard guard,
    UsagePlanLimiter? limiter,
    SandboxFaultInjector faults,
    RestrictedDataTokenEndpoint rdt,
    SandboxStats stats,
    TimeProvider time)
{
    /// <summary>Simulated document jobs (reports, feeds, Data Kiosk); null answers those from the static cases only.</summary>
    public Documents.DocumentJobSimulator? Documents { get; init; }

    public async Task HandleAsync(HttpContext context, RouteMatch route)
    {
        var operation = route.Operation;
        var metadata = catalog.Find(operation.ModelFile, operation.OperationId);
        var rawPath = RequestReader.RawPath(context);

        var (token, denied) = guard.Check(context.Request.Headers[AccessGuard.TokenHeader].ToString(), operation, metadata, rawPath);
        stats.Request(operation.Key, SellerOf(token));
        if (denied is not null)
        {
            stats.Unauthorized();
            await SpApiResponses.WriteUnauthorizedAsync(context, denied);
            return;
        }

        if (limiter is not null && metadata?.UsagePlan is { } plan)
        {
            context.Response.Headers[SpApiResponses.RateLimitHeader] = limiter.RateHeader(plan);
            if (!limiter.TryAcquire(ThrottleKey(token!), metadata, plan))
            {
                stats.Throttled();
                await SpApiResponses.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "QuotaExceeded",
                    "You exceeded your quota for the requested resource.", "");
                return;
            }
        }

        var fault = faults.Take(operation);
        if (fault is not null)
        {
            stats.Fault(fault.Kind.ToString());
            if (await FaultWriter.TryWriteInsteadAsync(context, fault, time)) return;
        }

        var response = await AnswerAsync(context, route, token!);
        if (fault is not null && FaultWriter.Corrupts(fault))
            await FaultWriter.WriteCorruptedAsync(context, fault, response);
        else
            await WriteAsync(context, response);
    }

    private async Task<SandboxResponse> AnswerAsync(HttpContext context, RouteMatch route, IssuedToken token)
    {
        var (request, problem) = await RequestReader.ReadAsync(context, route.PathValues);
        if (request is null)
            return SandboxResponse.Error(StatusCodes.Status400BadRequest, "InvalidInput", "Request has missing or invalid parameters and cannot be parsed.", problem!);

        var operation = route.Operation;
        if (operation.Key == RestrictedDataTokenEndpoint.OperationKey)
            return rdt.Handle(operation, request, token);

        if (Documents is not null)
            return Documents.Answer(operation, request, token, new Uri($"{context.Request.Scheme}://{context.Request.Host}/"), () => StaticAnswer(operation, request));
        return StaticAnswer(operation, request);
    }

    private SandboxResponse StaticAnswer(ModelOperation operation, IncomingRequest request)
    {
        if (operation.Cases.Count == 0)
        {
            stats.Unmatched();
            return SandboxResponse.Explained(StatusCodes.Status400BadRequest, "InvalidInput", SpApiResponses.CouldNotMatch,
                $"{operation.OperationId} ({operation.ModelFile}) has no static sandbox cases: the model defines no x-amzn-api-sandbox static case for this operation.");
        }

        var match = CaseMatcher.Match(operation, request);
        if (match.Case is { } found)
            return new SandboxResponse(found.ExpectedStatus, found.ResponseBody, found.ResponseHeaders);

        stats.Unmatched();
        var closest = match.Closest is null ? "" : $" (closest: case #{match.Closest.Index}, HTTP {match.Closest.ExpectedStatus})";
        return SandboxResponse.Explained(StatusCodes.Status400BadRequest, "InvalidInput", SpApiResponses.CouldNotMatch,
            $"The request does not match any sandbox case of {operation.OperationId} ({operation.ModelFile}). Could not match: {string.Join("; ", match.Mismatches)}{closest}.");
    }

    private static Task WriteAsync(HttpContext context, SandboxResponse response)
    {
        SpApiResponses.ApplyHeaders(context, response.Headers);
        return SpApiResponses.WriteJsonAsync(context, response.Status, response.Body);
    }

    private static string SellerOf(IssuedToken? token) => token switch
    {
        null => SandboxStats.UnauthenticatedSeller,
        { Kind: IssuedTokenKind.Grantless } => SandboxStats.GrantlessSeller,
        _ => token.SellerId ?? SandboxStats.UnauthenticatedSeller,
    };

    /// <summary>Usage plans are per seller; grantless calls are per application.</summary>
    private static string ThrottleKey(IssuedToken token) => token.SellerId ?? "app:" + token.ClientId;
}
