using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using SpApi.Runtime;
using SpApi.Runtime.Json;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Matching;

namespace SpApi.Cli.Smoke;

/// <summary>
/// Judges a typed call against its case. Success: the status is the case's and the typed result,
/// serialised back, holds every expected value (order, nulls and defaults the type adds are ignored).
/// Error: the SpApiException has the case's status and its errors (code, message, details).
/// A difference is accepted, with a note, only where the case's value cannot exist in the model's type
/// (see <see cref="Representability"/>).
/// </summary>
internal static class CaseVerdict
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(SpApiJson.Configure(new JsonSerializerSettings
    {
        Converters = { new StringEnumConverter() },
    }));

    /// <summary>Null when the call passes; otherwise what differs. Accepted upstream slips are added to <paramref name="notes"/>.</summary>
    public static string? Success(SandboxCase c, bool hasResult, object? result, int? observedStatus, List<string> notes)
    {
        if (c.ExpectedStatus >= 300)
            return $"expected HTTP {c.ExpectedStatus}, but the typed call succeeded (HTTP {observedStatus?.ToString() ?? "?"})";
        if (observedStatus is { } status && status != c.ExpectedStatus)
            return $"expected HTTP {c.ExpectedStatus}, got HTTP {status}";
        if (!hasResult || c.ExpectedStatus == 204) return null;
        if (result is null) return IsEmpty(c.ResponseBody) ? null : $"expected {JsonSemantic.Show(c.ResponseBody)}, the typed call returned null";

        var actual = JToken.FromObject(result, Serializer);
        foreach (var difference in JsonSemantic.FindDifferences(c.ResponseBody, actual, JsonComparison.ExpectedOnly))
        {
            if (Representability.Explain(result.GetType(), difference) is { } why) notes.Add($"response {difference.Message}: {why}");
            else return "response " + difference.Message;
        }
        return null;
    }

    public static string? Error(SandboxCase c, SpApiException e)
    {
        if (e.StatusCode != c.ExpectedStatus)
            return c.ExpectedStatus < 300
                ? $"expected HTTP {c.ExpectedStatus}, got {e.Message}"
                : $"expected HTTP {c.ExpectedStatus}, got HTTP {e.StatusCode}: {e.Message}{Actually(e)}";

        if ((c.ResponseBody as JObject)?["errors"] is JArray expectedErrors)
        {
            var actual = new JArray(e.Errors.Select(x => new JObject { ["code"] = x.Code, ["message"] = x.Message, ["details"] = x.Details }));
            var expected = new JArray(expectedErrors.Select(x => x is JObject o
                ? new JObject { ["code"] = o["code"], ["message"] = o["message"], ["details"] = Details(o["details"]) }
                : x));
            return JsonSemantic.FindDifference(expected, actual) is { } d ? $"errors {d}{Actually(e)}" : null;
        }

        var body = ParseOrNull(e.Response);
        if (IsEmpty(c.ResponseBody) && IsEmpty(body)) return null;
        return JsonSemantic.FindDifference(c.ResponseBody, body) is { } difference ? "error body " + difference : null;
    }

    /// <summary>The details of the first error received, which say what the sandbox could not match.</summary>
    private static string Actually(SpApiException e) =>
        e.Errors.FirstOrDefault()?.Details is { Length: > 0 } details ? $" [received: {details}]" : "";

    /// <summary>SpApiException keeps non-string details as compact JSON text.</summary>
    private static JToken? Details(JToken? details) =>
        details is null || details.Type is JTokenType.String or JTokenType.Null ? details : details.ToString(Formatting.None);

    private static JToken? ParseOrNull(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return JToken.Parse(text); }
        catch (JsonException) { return JValue.CreateString(text); }
    }

    private static bool IsEmpty(JToken? token) =>
        token is null || token.Type == JTokenType.Null || token is JObject { Count: 0 } || token is JValue { Type: JTokenType.String } v && ((string)v!).Length == 0;
}
