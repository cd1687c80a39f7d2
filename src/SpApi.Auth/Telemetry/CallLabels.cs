using SpApi.Runtime;

namespace SpApi.Auth.Telemetry;

/// <summary>The few request/response facts the pipeline handlers put in logs, spans and exceptions.</summary>
internal static class CallLabels
{
    /// <summary>Name shown for calls that name no seller (the client's default selling partner).</summary>
    public const string DefaultSeller = "default";

    public const string RequestIdHeader = "x-amzn-RequestId";
    public const string RateLimitHeader = "x-amzn-RateLimit-Limit";

    public static string Seller(HttpRequestMessage request) => request.GetSeller() ?? DefaultSeller;

    /// <summary>The operation id, or <c>METHOD (no operation)</c> for requests not made by a generated client.</summary>
    public static string Operation(HttpRequestMessage request) =>
        request.GetOperation()?.OperationId ?? $"{request.Method.Method} (no operation)";

    public static string? RequestId(HttpResponseMessage? response) => Header(response, RequestIdHeader);

    public static string? Header(HttpResponseMessage? response, string name) =>
        response is not null && response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
