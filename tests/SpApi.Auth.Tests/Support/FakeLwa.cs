using System.Collections.Concurrent;
using System.Net;
using RichardSzalay.MockHttp;

namespace SpApi.Auth.Tests.Support;

/// <summary>A Login with Amazon stand-in on MockHttp: issues "access-{refresh token or scope}-{n}" tokens and counts requests.</summary>
internal sealed class FakeLwa
{
    public const string Endpoint = "https://api.amazon.com/auth/o2/token";
    private int _requests;
    private readonly ConcurrentDictionary<string, int> _perSubject = new();

    public FakeLwa()
    {
        Handler.When(HttpMethod.Post, Endpoint).Respond(RespondAsync);
    }

    public MockHttpMessageHandler Handler { get; } = new();

    /// <summary>Token lifetime Amazon reports (expires_in).</summary>
    public int ExpiresInSeconds { get; set; } = 3600;

    /// <summary>When set, answers instead of issuing a token (e.g. an error).</summary>
    public Func<Dictionary<string, string>, HttpResponseMessage?>? Override { get; set; }

    /// <summary>Held until released, to keep a refresh in flight.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentQueue<Dictionary<string, string>> Forms { get; } = new();

    public int RequestsFor(string subject) => _perSubject.GetValueOrDefault(subject);

    private async Task<HttpResponseMessage> RespondAsync(HttpRequestMessage request)
    {
        Interlocked.Increment(ref _requests);
        var form = FormBody.Parse(await request.Content!.ReadAsStringAsync());
        Forms.Enqueue(form);
        if (Gate is { } gate) await gate.Task;
        if (Override?.Invoke(form) is { } overridden) return overridden;

        var subject = form.GetValueOrDefault("refresh_token") ?? form.GetValueOrDefault("scope") ?? form.GetValueOrDefault("code") ?? "?";
        var n = _perSubject.AddOrUpdate(subject, 1, (_, c) => c + 1);
        var refresh = form["grant_type"] == "authorization_code" ? ",\"refresh_token\":\"Atzr|new-refresh-token\"" : "";
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($"{{\"access_token\":\"access-{subject}-{n}\",\"token_type\":\"bearer\",\"expires_in\":{ExpiresInSeconds}{refresh}}}"),
        };
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string error, string description) =>
        new(status) { Content = new StringContent($"{{\"error\":\"{error}\",\"error_description\":\"{description}\"}}") };
}
