using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using SpApi.Runtime;

namespace SpApi.Cli.Smoke;

/// <summary>
/// A minimal SP-API auth stage for smoke runs (stands in until SpApi.Auth's pipeline is on main):
/// one cached LWA token per seller (refresh_token grant), one per grantless scope (client_credentials),
/// and an RDT from the Tokens API for restricted operations (generic path where allowed, cached).
/// Tokens only go to HTTPS hosts or the loopback sandbox.
/// </summary>
internal sealed class SmokeAuthHandler(
    SmokeCredentials credentials,
    Uri tokenEndpoint,
    HttpClient tokenClient,
    Func<OperationMetadata, RdtRequest> rdtFor,
    TimeProvider time) : DelegatingHandler
{
    public const string TokenHeader = "x-amz-access-token";
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (string Token, DateTimeOffset ExpiresAt)> _cache = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.GetOperation()
            ?? throw new InvalidOperationException("The smoke auth stage needs the operation stamped by the generated client.");
        var uri = request.RequestUri!;
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            throw new InvalidOperationException($"Refusing to send SP-API tokens to {uri.GetLeftPart(UriPartial.Authority)}: not HTTPS and not the loopback sandbox.");

        var token = operation.GrantlessScope is { } scope ? await GrantlessAsync(scope, cancellationToken)
            : operation.Restricted ? await RestrictedAsync(operation, uri, request, cancellationToken)
            : await SellerAsync(cancellationToken);
        request.Headers.Remove(TokenHeader);
        request.Headers.TryAddWithoutValidation(TokenHeader, token);
        return await base.SendAsync(request, cancellationToken);
    }

    private Task<string> SellerAsync(CancellationToken ct) =>
        CachedAsync("lwa", ct, () => LwaAsync([("grant_type", "refresh_token"), ("refresh_token", credentials.RefreshToken)], ct));

    private Task<string> GrantlessAsync(string scope, CancellationToken ct) =>
        CachedAsync("grantless " + scope, ct, () => LwaAsync([("grant_type", "client_credentials"), ("scope", scope)], ct));

    private async Task<string> RestrictedAsync(OperationMetadata operation, Uri uri, HttpRequestMessage request, CancellationToken ct)
    {
        var rdt = rdtFor(operation);
        var path = rdt.Generic ? operation.PathTemplate : uri.AbsolutePath;
        var elements = request.Options.TryGetValue(SpApiRequestOptions.DataElements, out var asked) ? asked : rdt.DataElements;
        var key = $"rdt {operation.Method} {path} {string.Join(",", elements)}";
        var lwa = await SellerAsync(ct);
        return await CachedAsync(key, ct, async () =>
        {
            var resource = new JObject { ["method"] = operation.Method, ["path"] = path };
            if (elements.Count > 0) resource["dataElements"] = new JArray(elements);
            using var rdtRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(uri, "/tokens/2021-03-01/restrictedDataToken"))
            {
                Content = new StringContent(new JObject { ["restrictedResources"] = new JArray(resource) }.ToString(), Encoding.UTF8, "application/json"),
            };
            rdtRequest.Headers.TryAddWithoutValidation(TokenHeader, lwa);
            using var response = await base.SendAsync(rdtRequest, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                throw new SpApiException($"createRestrictedDataToken for {operation.Method} {path} failed.", (int)response.StatusCode, body,
                    response.Headers.ToDictionary(h => h.Key, h => h.Value), null);
            var json = JObject.Parse(body);
            return (json.Value<string>("restrictedDataToken")!, TimeSpan.FromSeconds(json.Value<long?>("expiresIn") ?? 3600));
        });
    }

    private async Task<(string, TimeSpan)> LwaAsync((string, string)[] grant, CancellationToken ct)
    {
        var form = grant.Concat([("client_id", credentials.ClientId), ("client_secret", credentials.ClientSecret)])
            .Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2));
        using var content = new FormUrlEncodedContent(form);
        using var response = await tokenClient.PostAsync(tokenEndpoint, content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            // LWA's error code and description never contain the secrets we sent.
            var error = TryParse(body);
            throw new HttpRequestException($"LWA token request ({grant[0].Item2}) failed with HTTP {(int)response.StatusCode}: {error?.Value<string>("error")} {error?.Value<string>("error_description")}".TrimEnd());
        }
        var json = JObject.Parse(body);
        return (json.Value<string>("access_token")!, TimeSpan.FromSeconds(json.Value<long?>("expires_in") ?? 3600));
    }

    private async Task<string> CachedAsync(string key, CancellationToken ct, Func<Task<(string Token, TimeSpan Lifetime)>> fetch)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (_cache.TryGetValue(key, out var cached) && cached.ExpiresAt - Margin > now) return cached.Token;
            var (token, lifetime) = await fetch();
            _cache[key] = (token, now + lifetime);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static JObject? TryParse(string body)
    {
        try { return JObject.Parse(body); }
        catch (Newtonsoft.Json.JsonException) { return null; }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gate.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>How to ask for a restricted operation's RDT: generic path allowed, and which data elements.</summary>
internal sealed record RdtRequest(bool Generic, IReadOnlyList<string> DataElements);
