using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Tests.Support;

/// <summary>An in-process sandbox on a random loopback port with a fake clock, plus helpers to talk to it.</summary>
internal sealed class SandboxHarness : IAsyncDisposable
{
    public static readonly SandboxCredential Seller1 = new("client-1", "secret-1", "Atzr|refresh-1", "A1SELLERONE");
    public static readonly SandboxCredential Seller2 = new("client-1", "secret-1", "Atzr|refresh-2", "A2SELLERTWO");

    private SandboxHarness(SandboxServer server, FakeTimeProvider time)
    {
        Server = server;
        Time = time;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
    }

    public SandboxServer Server { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Http { get; }

    public static async Task<SandboxHarness> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 8, 5, 12, 0, 0, TimeSpan.Zero));
        var options = new SandboxOptions { Cases = TestModels.Cases, Catalog = TestCatalog.Instance, TimeProvider = time };
        options.Credentials.Add(Seller1);
        options.Credentials.Add(Seller2);
        configure?.Invoke(options);
        return new SandboxHarness(await SandboxServer.StartAsync(options, CancellationToken.None), time);
    }

    public static SandboxCase Case(string modelFile, string operationId, int index) =>
        TestModels.Cases.FindOperation(modelFile, operationId)!.Cases.Single(c => c.Index == index);

    /// <summary>POSTs a form to the LWA endpoint and returns status and JSON.</summary>
    public async Task<(HttpStatusCode Status, JObject Body)> TokenRequestAsync(params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await Http.PostAsync("/auth/o2/token", content);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    public async Task<string> SellerTokenAsync(SandboxCredential? credential = null)
    {
        credential ??= Seller1;
        var (status, body) = await TokenRequestAsync(("grant_type", "refresh_token"), ("refresh_token", credential.RefreshToken),
            ("client_id", credential.ClientId), ("client_secret", credential.ClientSecret));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        return body.Value<string>("access_token")!;
    }

    public async Task<string> GrantlessTokenAsync(string scope)
    {
        var (status, body) = await TokenRequestAsync(("grant_type", "client_credentials"), ("scope", scope),
            ("client_id", Seller1.ClientId), ("client_secret", Seller1.ClientSecret));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        return body.Value<string>("access_token")!;
    }

    /// <summary>Asks the sandbox's Tokens API for an RDT; returns the raw response.</summary>
    public Task<SandboxReply> RequestRdtAsync(string accessToken, params object[] resources) =>
        SendAsync(HttpMethod.Post, "/tokens/2021-03-01/restrictedDataToken", accessToken,
            new JObject { ["restrictedResources"] = JArray.FromObject(resources) });

    public async Task<string> RdtAsync(string accessToken, params object[] resources)
    {
        var reply = await RequestRdtAsync(accessToken, resources);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
        return reply.Json.Value<string>("restrictedDataToken")!;
    }

    public async Task<SandboxReply> SendAsync(HttpMethod method, string pathAndQuery, string? accessToken, JToken? body = null,
        IEnumerable<(string Name, string Value)>? headers = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (accessToken is not null) request.Headers.Add("x-amz-access-token", accessToken);
        foreach (var (name, value) in headers ?? []) request.Headers.Add(name, value);
        if (body is not null) request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        return await SandboxReply.ReadAsync(response);
    }

    public Task<SandboxReply> GetAsync(string pathAndQuery, string? accessToken) => SendAsync(HttpMethod.Get, pathAndQuery, accessToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A response read fully: status, headers, body text and (when JSON) parsed body.</summary>
internal sealed record SandboxReply(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Text)
{
    public JToken Json => JToken.Parse(Text);

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>The first error of an SP-API error body.</summary>
    public JObject FirstError => (JObject)Json["errors"]![0]!;

    public static async Task<SandboxReply> ReadAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new SandboxReply(response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }
}
