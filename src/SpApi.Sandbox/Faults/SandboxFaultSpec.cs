using System.Globalization;

namespace SpApi.Sandbox.Faults;

/// <summary>
/// Parses the short fault form used by <c>spapi sandbox serve --fault</c> and <c>POST /_sandbox/faults</c>:
/// <c>OPERATION:KIND[:COUNT[:MILLISECONDS]]</c>, e.g. <c>getOrders:503:3</c>, <c>*:latency:1:2000</c>,
/// <c>ordersV0.json#getOrder:reset</c>. Kinds: 500, 503, latency, reset, truncated, malformed (or the
/// <see cref="SandboxFaultKind"/> names).
/// </summary>
public static class SandboxFaultSpec
{
    /// <summary>The fault specification syntax, for usage messages.</summary>
    public const string Syntax = "OPERATION:KIND[:COUNT[:MILLISECONDS]] with KIND one of 500, 503, latency, reset, truncated, malformed";

    /// <exception cref="FormatException">The text does not follow <see cref="Syntax"/> (the message says why).</exception>
    public static SandboxFaultRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 4 || parts[0].Length == 0)
            throw new FormatException($"Fault '{text}' is not {Syntax}.");
        var kind = ParseKind(parts[1]) ?? throw new FormatException($"Fault '{text}': unknown kind '{parts[1]}' (use 500, 503, latency, reset, truncated or malformed).");
        var count = parts.Length > 2 ? Number(parts[2], "count", text) : 1;
        var milliseconds = parts.Length > 3 ? Number(parts[3], "milliseconds", text) : kind == SandboxFaultKind.Latency ? 1000 : 0;
        var rule = new SandboxFaultRule(parts[0], new SandboxFault(kind, count)
        {
            Latency = kind == SandboxFaultKind.Latency ? TimeSpan.FromMilliseconds(milliseconds) : TimeSpan.Zero,
            RetryAfter = kind is SandboxFaultKind.InternalServerError or SandboxFaultKind.ServiceUnavailable && milliseconds > 0 ? TimeSpan.FromMilliseconds(milliseconds) : null,
        });
        try
        {
            rule.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Fault '{text}': {e.Message}", e);
        }
        return rule;
    }

    /// <summary>The fault kind named <paramref name="text"/>, or null when unknown.</summary>
    public static SandboxFaultKind? ParseKind(string text) => text.ToLowerInvariant() switch
    {
        "500" or "internalservererror" => SandboxFaultKind.InternalServerError,
        "503" or "serviceunavailable" => SandboxFaultKind.ServiceUnavailable,
        "latency" => SandboxFaultKind.Latency,
        "reset" or "connectionreset" => SandboxFaultKind.ConnectionReset,
        "truncated" or "truncatedjson" => SandboxFaultKind.TruncatedJson,
        "malformed" or "malformedjson" => SandboxFaultKind.MalformedJson,
        _ => null,
    };

    private static int Number(string text, string what, string spec) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new FormatException($"Fault '{spec}': {what} must be a positive whole number, not '{text}'.");
}
