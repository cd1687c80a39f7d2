using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Http;

/// <summary>Writes responses in SP-API's shapes.</summary>
internal static class SpApiResponses
{
    public const string RequestIdHeader = "x-amzn-RequestId";
    public const string RateLimitHeader = "x-amzn-RateLimit-Limit";

    /// <summary>Amazon's message for every authorisation failure; <c>details</c> says which.</summary>
    public const string AccessDenied = "Access to requested resource is denied.";

    public static JObject ErrorBody(string code, string message, string details) =>
        new() { ["errors"] = new JArray(new JObject { ["code"] = code, ["message"] = message, ["details"] = details }) };

    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message, string details) =>
        WriteJsonAsync(context, status, ErrorBody(code, message, details));

    public static Task WriteUnauthorizedAsync(HttpContext context, string details) =>
        WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Unauthorized", AccessDenied, details);

    /// <summary>Copies a case's response headers (the request id stays the sandbox's own).</summary>
    public static void ApplyHeaders(HttpContext context, IReadOnlyDictionary<string, string>? headers)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!name.Equals(RequestIdHeader, StringComparison.OrdinalIgnoreCase)) context.Response.Headers[name] = value;
        }
    }

    public static Task WriteJsonAsync(HttpContext context, int status, JToken? body) =>
        WriteRawAsync(context, status, body?.ToString(Formatting.None));

    public static async Task WriteRawAsync(HttpContext context, int status, string? json)
    {
        context.Response.StatusCode = status;
        if (json is null || status == StatusCodes.Status204NoContent) return;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
