using System.Collections.Concurrent;
using System.Net;
using RichardSzalay.MockHttp;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Support;

/// <summary>What reached the transport.</summary>
internal sealed record SentRequest(HttpMethod Method, Uri Uri, string? Token, string? Date, string? UserAgent, string? Seller, string? OperationKey, string? Body);

/// <summary>An SP-API stand-in on MockHttp: records every request and answers 200 unless told otherwise.</summary>
internal sealed class FakeSpApi
{
    public FakeSpApi()
    {
        Handler.Fallback.Respond(request =>
        {
            var sent = new SentRequest(request.Method, request.RequestUri!,
                Header(request, "x-amz-access-token"), Header(request, "x-amz-date"), Header(request, "User-Agent"),
                request.GetSeller(), request.GetOperation()?.Key, request.Content?.ReadAsStringAsync().GetAwaiter().GetResult());
            Sent.Enqueue(sent);
            return Responder?.Invoke(sent) ?? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"payload\":{}}") };
        });
    }

    public MockHttpMessageHandler Handler { get; } = new();

    public ConcurrentQueue<SentRequest> Sent { get; } = new();

    /// <summary>When set and returning non-null, answers the request.</summary>
    public Func<SentRequest, HttpResponseMessage?>? Responder { get; set; }

    public static HttpResponseMessage Errors(HttpStatusCode status, string code, string message, string details = "") =>
        new(status) { Content = new StringContent($"{{\"errors\":[{{\"code\":\"{code}\",\"message\":\"{message}\",\"details\":\"{details}\"}}]}}") };

    // The raw value as sent on the wire (the parsed view would split the user-agent into products).
    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}
