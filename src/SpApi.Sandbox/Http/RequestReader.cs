using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Matching;

namespace SpApi.Sandbox.Http;

/// <summary>Reads what case matching needs from an HTTP request.</summary>
internal static class RequestReader
{
    /// <summary>Sandbox extension: <c>x-spapi-sandbox-case: 2</c> asks for case #2 of the operation.</summary>
    public const string ForcedCaseHeader = "x-spapi-sandbox-case";

    /// <summary>The path as sent, before Kestrel decodes it (so <c>%2F</c> inside a value stays in the value).</summary>
    public static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/') return context.Request.Path.Value ?? "/";
        var query = target.IndexOf('?');
        return query < 0 ? target : target[..query];
    }

    /// <summary>The request, or an error message when the body is not JSON or the case header is not a number.</summary>
    public static async Task<(IncomingRequest? Request, string? Problem)> ReadAsync(HttpContext context, IReadOnlyDictionary<string, string> pathValues)
    {
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value)
            .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

        int? forced = null;
        if (headers.TryGetValue(ForcedCaseHeader, out var forcedText))
        {
            if (!int.TryParse(forcedText, out var index) || index < 1) return (null, $"{ForcedCaseHeader} must be a case number (1, 2, ...), not '{forcedText}'.");
            forced = index;
        }

        JToken? body = null;
        using (var reader = new StreamReader(context.Request.Body))
        {
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            if (!string.IsNullOrWhiteSpace(text))
            {
                try
                {
                    body = SandboxCaseCatalog.ParseJson(new StringReader(text));
                }
                catch (JsonException e)
                {
                    return (null, $"The request body is not valid JSON: {e.Message}");
                }
            }
        }
        return (new IncomingRequest(pathValues, query, headers, body) { ForcedCaseIndex = forced }, null);
    }
}
