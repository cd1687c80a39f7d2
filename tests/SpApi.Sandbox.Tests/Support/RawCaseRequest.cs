using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Tests.Support;

/// <summary>Builds the HTTP request a static case describes, as a plain client would send it (csv arrays comma-joined).</summary>
internal static class RawCaseRequest
{
    public static HttpRequestMessage Build(SandboxCase c)
    {
        var path = c.Parameters.Where(p => p.Location == ParameterLocation.Path)
            .Aggregate(c.PathTemplate, (t, p) => t.Replace("{" + p.Name + "}", Uri.EscapeDataString(Text(p.Value))));
        var query = string.Join("&", c.Parameters.Where(p => p.Location == ParameterLocation.Query).SelectMany(QueryPairs));
        var request = new HttpRequestMessage(new HttpMethod(c.Method), query.Length == 0 ? path : $"{path}?{query}");
        foreach (var header in c.Parameters.Where(p => p.Location == ParameterLocation.Header))
            request.Headers.TryAddWithoutValidation(header.Name, Text(header.Value));
        if (c.RequestBody is not null)
            request.Content = new StringContent(c.RequestBody.ToString(Formatting.None), Encoding.UTF8, "application/json");
        return request;
    }

    private static IEnumerable<string> QueryPairs(SandboxCaseParameter p)
    {
        var name = Uri.EscapeDataString(p.Name);
        if (p.Value is not JArray array) return [$"{name}={Uri.EscapeDataString(Text(p.Value))}"];
        return p.Definition.ArraySeparator is { } separator
            ? [$"{name}={Uri.EscapeDataString(string.Join(separator, array.Select(Text)))}"]
            : array.Select(v => $"{name}={Uri.EscapeDataString(Text(v))}");
    }

    private static string Text(JToken value) => value.Type switch
    {
        JTokenType.Boolean => (bool)value ? "true" : "false",
        JTokenType.String => (string)value!,
        _ => value.ToString(Formatting.None),
    };
}
