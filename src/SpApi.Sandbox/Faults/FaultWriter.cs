using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using SpApi.Sandbox.Http;

namespace SpApi.Sandbox.Faults;

/// <summary>Carries out an injected fault on the wire.</summary>
internal static class FaultWriter
{
    /// <summary>Sends the fault instead of the answer (true), or waits its latency and lets the answer go (false).</summary>
    public static async Task<bool> TryWriteInsteadAsync(HttpContext context, SandboxFault fault, TimeProvider time)
    {
        switch (fault.Kind)
        {
            case SandboxFaultKind.InternalServerError:
                SetRetryAfter(context, fault);
                await SpApiResponses.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "InternalFailure",
                    "We encountered an internal error. Please try again.", "Injected by the SpApi sandbox.");
                return true;
            case SandboxFaultKind.ServiceUnavailable:
                SetRetryAfter(context, fault);
                await SpApiResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
                    "Service temporarily unavailable. Please try again.", "Injected by the SpApi sandbox.");
                return true;
            case SandboxFaultKind.ConnectionReset:
                context.Abort();
                return true;
            case SandboxFaultKind.Latency:
                await Task.Delay(fault.Latency, time, context.RequestAborted);
                return false;
            default:
                return false;
        }
    }

    public static bool Corrupts(SandboxFault fault) => fault.Kind is SandboxFaultKind.TruncatedJson or SandboxFaultKind.MalformedJson;

    /// <summary>The real status and headers with a broken JSON body.</summary>
    public static Task WriteCorruptedAsync(HttpContext context, SandboxFault fault, SandboxResponse response)
    {
        var json = response.Body?.ToString(Formatting.None) ?? "{}";
        var broken = fault.Kind == SandboxFaultKind.TruncatedJson
            ? json[..Math.Max(1, json.Length / 2)]
            : "{\"payload\": <html>Bad Gateway</html>";
        SpApiResponses.ApplyHeaders(context, response.Headers);
        var status = response.Status == StatusCodes.Status204NoContent ? StatusCodes.Status200OK : response.Status;
        return SpApiResponses.WriteRawAsync(context, status, broken);
    }

    private static void SetRetryAfter(HttpContext context, SandboxFault fault)
    {
        if (fault.RetryAfter is { } after)
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
