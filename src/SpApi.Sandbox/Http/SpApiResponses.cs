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

    /// <summary>Amazon's sandbox's message when no static case matches the request (400 InvalidInput, empty details).</summary>
    public const string CouldNotMatch = "Could not match input arguments";

    /// <summary>SP-API's answer for a method and path no operation has (404).</summary>
    public const string ResourceNotFoundCode = "ResourceNotFound";
    public const string ResourceNotFound = "Cannot find resource by the given URI";

    /// <summary>Sandbox extension: why the sandbox answered an error Amazon words briefly (also in the error's <see cref="ExplanationField"/>).</summary>
    public const string ExplanationHeader = "x-spapi-sandbox-explanation";

    /// <summary>Sandbox extension: an extra property of the first error holding the sandbox's explanation.</summary>
    public const string ExplanationField = "sandboxExplanation";

    private const int MaxHeaderExplanation = 2000;

    public static JObject ErrorBody(string code, string message, string details) =>
        new() { ["errors"] = new JArray(new JObject { ["code"] = code, ["message"] = message, ["details"] = details }) };

    /// <summary>Amazon's error with the sandbox's explanation beside it (extra property and header), Amazon's fields untouched.</summary>
    public static (JObject Body, IReadOnlyDictionary<string, string> Headers) ExplainedError(string code, string message, string explanation)
    {
        var body = ErrorBody(code, message, "");
        ((JObject)body["errors"]![0]!)[ExplanationField] = explanation;
        return (body, new Dictionary<string, string> { [ExplanationHeader] = HeaderSafe(explanation) });
    }

    public static Task WriteExplainedErrorAsync(HttpContext context, int status, string code, string message, string explanation)
    {
        var (body, headers) = ExplainedError(code, message, explanation);
        ApplyHeaders(context, headers);
        return WriteJsonAsync(context, status, body);
    }

    // Header values must be single-line visible ASCII; the body keeps the exact text.
    private static string HeaderSafe(string text)
    {
        var chars = text.Select(c => c is >= ' ' and <= '~' ? c : c is '\r' or '\n' or '\t' ? ' ' : '?').ToArray();
        var safe = new string(chars);
        return safe.Length <= MaxHeaderExplanation ? safe : safe[..MaxHeaderExplanation] + "...";
    }

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
