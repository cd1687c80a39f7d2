using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json.Linq;

namespace SpApi.Runtime;

/// <summary>
/// An SP-API call that did not succeed: the HTTP status, Amazon's <c>errors</c> list, the
/// <c>x-amzn-RequestId</c> to quote to Amazon support, and the rate-limit header. Thrown by every
/// generated client (the constructor signature is the one NSwag's templates call).
/// The message never contains the raw response body, headers or tokens.
/// </summary>
public class SpApiException : Exception
{
    /// <summary>The constructor the generated clients call: parses Amazon's <c>errors</c> list from <paramref name="response"/> and keeps the headers.</summary>
    public SpApiException(string message, int statusCode, string? response,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : this(statusCode, response, headers, ParseErrors(response), message, innerException)
    {
    }

    private SpApiException(int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        IReadOnlyList<SpApiError> errors, string generatorMessage, Exception? innerException)
        : base(BuildMessage(statusCode, errors, headers, generatorMessage), innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers ?? new Dictionary<string, IEnumerable<string>>();
        Errors = errors;
        RequestId = FindHeader(Headers, "x-amzn-RequestId");
        RateLimitLimit = FindHeader(Headers, "x-amzn-RateLimit-Limit");
        BodyTruncated = FindHeader(Headers, BodyTruncatedHeader);
    }

    /// <summary>Response header the pipeline adds when it cut an error body (1 MB cap, or a connection ended mid-body).</summary>
    public const string BodyTruncatedHeader = "x-spapi-body-truncated";

    /// <summary>Why <see cref="Response"/> is incomplete (e.g. <c>cut at 1048576 bytes</c>), or null when it is whole.</summary>
    public string? BodyTruncated { get; }

    /// <summary>HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>Raw response body (not part of <see cref="Exception.Message"/>).</summary>
    public string? Response { get; }

    /// <summary>Response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>Amazon's errors, parsed from the body (empty when the body had none).</summary>
    public IReadOnlyList<SpApiError> Errors { get; }

    /// <summary>The <c>x-amzn-RequestId</c> response header.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>x-amzn-RateLimit-Limit</c> response header (requests per second).</summary>
    public string? RateLimitLimit { get; }

    /// <summary>The first error code, e.g. <c>QuotaExceeded</c> or <c>InvalidInput</c>.</summary>
    public string? ErrorCode => Errors.Count > 0 ? Errors[0].Code : null;

    private static string BuildMessage(int status, IReadOnlyList<SpApiError> errors,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers, string generatorMessage)
    {
        var what = errors.Count > 0
            ? string.Join("; ", errors.Select(e => e.ToString()))
            : FirstLine(generatorMessage);
        var requestId = headers is null ? null : FindHeader(headers, "x-amzn-RequestId");
        var cut = headers is null ? null : FindHeader(headers, BodyTruncatedHeader);
        return $"SP-API returned HTTP {status}: {what}" + (requestId is null ? "" : $" (x-amzn-RequestId: {requestId})") +
               (cut is null ? "" : $" [response body {cut}]");
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return (i < 0 ? s : s[..i]).Trim();
    }

    internal static string? FindHeader(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name)
    {
        foreach (var (key, values) in headers)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return values.FirstOrDefault();
        return null;
    }

    /// <summary>Reads <c>{"errors":[...]}</c> (or a bare array) without throwing on anything else.</summary>
    public static IReadOnlyList<SpApiError> ParseErrors(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return [];
        try
        {
            var token = JToken.Parse(body);
            var list = token switch
            {
                JObject o when o["errors"] is JArray a => a,
                JArray a => a,
                _ => null,
            };
            if (list is null) return [];
            return list.OfType<JObject>()
                .Select(e => new SpApiError(
                    e.Value<string>("code") ?? "Unknown",
                    e.Value<string>("message"),
                    e["details"]?.Type == JTokenType.String ? e.Value<string>("details") : e["details"]?.ToString(Newtonsoft.Json.Formatting.None)))
                .ToArray();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return [];
        }
    }
}

/// <summary>An <see cref="SpApiException"/> whose body was deserialised into the model's error type.</summary>
public class SpApiException<TResult> : SpApiException
{
    /// <summary>The constructor the generated clients call for a typed error body (<paramref name="result"/>).</summary>
    [RequiresUnreferencedCode(Json.SpApiJson.TrimmingNote)]
    public SpApiException(string message, int statusCode, string? response,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers, TResult result, Exception? innerException)
        : base(message, statusCode, BodyOf(response, result), headers, innerException)
    {
        Result = result;
    }

    /// <summary>The typed error body.</summary>
    public TResult Result { get; }

    // Generated clients read bodies from the stream (no text is kept), so recover the text from the typed result.
    [RequiresUnreferencedCode(Json.SpApiJson.TrimmingNote)]
    private static string? BodyOf(string? response, TResult result) =>
        !string.IsNullOrEmpty(response) || result is null
            ? response
            : Newtonsoft.Json.JsonConvert.SerializeObject(result, Json.SpApiJson.CreateSettings());
}
