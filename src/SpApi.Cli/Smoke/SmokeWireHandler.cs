using System.Text;
using SpApi.Runtime;

namespace SpApi.Cli.Smoke;

/// <summary>
/// Innermost smoke handler: applies the case's raw overrides to the URL (only for values the typed
/// parameters cannot hold, e.g. an enum value the model does not list) and the raw body when the request
/// type cannot hold the case's body, asks the local sandbox for the
/// case by number, and records the response status.
/// </summary>
internal sealed class SmokeWireHandler(bool sendCaseHeader) : DelegatingHandler
{
    public const string CaseHeader = "x-spapi-sandbox-case";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = SmokeCallContext.Current;
        if (call is not null && call.Operation is not null && request.GetOperation()?.Key != call.Operation.Key)
            call = null; // e.g. the createRestrictedDataToken call the auth stage makes for the case
        if (call is not null)
        {
            if (sendCaseHeader && call.ForcedCase is { } index) request.Headers.TryAddWithoutValidation(CaseHeader, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (call.RawBody is not null)
                request.Content = new StringContent(call.RawBody, Encoding.UTF8, "application/json");
            if (call.QueryOverrides.Count > 0 || call.PathOverrides.Count > 0)
                request.RequestUri = Rewrite(request.RequestUri!, call, request.GetOperation());
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (call is not null) call.ObservedStatus = (int)response.StatusCode;
        return response;
    }

    private static Uri Rewrite(Uri uri, SmokeCallContext call, OperationMetadata? operation)
    {
        var builder = new UriBuilder(uri);
        if (call.PathOverrides.Count > 0 && operation is not null)
            builder.Path = RewritePath(builder.Path, operation.PathTemplate, call.PathOverrides);
        if (call.QueryOverrides.Count > 0)
            builder.Query = RewriteQuery(builder.Query.TrimStart('?'), call.QueryOverrides);
        return builder.Uri;
    }

    /// <summary>Replaces the segments of the template's parameters, counted from the end (the base address may add a prefix).</summary>
    private static string RewritePath(string path, string template, IReadOnlyDictionary<string, string> overrides)
    {
        var segments = path.Split('/');
        var templateSegments = template.Trim('/').Split('/');
        for (var i = 0; i < templateSegments.Length; i++)
        {
            var t = templateSegments[i];
            if (t.Length > 2 && t[0] == '{' && overrides.TryGetValue(t[1..^1], out var raw))
                segments[segments.Length - templateSegments.Length + i] = Uri.EscapeDataString(raw);
        }
        return string.Join('/', segments);
    }

    private static string RewriteQuery(string query, IReadOnlyDictionary<string, WireValue> overrides)
    {
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !overrides.ContainsKey(Uri.UnescapeDataString(pair.Split('=')[0])));
        var sb = new StringBuilder(string.Join('&', kept));
        foreach (var (name, value) in overrides)
        {
            var pairs = value.Separator is { } separator
                ? [$"{Uri.EscapeDataString(name)}={string.Join(separator, value.Values.Select(Uri.EscapeDataString))}"]
                : value.Values.Select(v => $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(v)}");
            foreach (var pair in pairs) sb.Append(sb.Length == 0 ? "" : "&").Append(pair);
        }
        return sb.ToString();
    }
}
