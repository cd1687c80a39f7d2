using System.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Auth;
using SpApi.Sellers.V1;

namespace SpApi.ColdStart;

/// <summary>The first call of a fresh process, made the two ways the cold-start benchmark compares.</summary>
internal sealed class FirstCall(Uri baseAddress, Uri tokenEndpoint, string clientId, string clientSecret, string refreshToken)
{
    public async Task<FirstCallResult> ThroughSpApiAsync(long started)
    {
        using var sp = SellingPartnerClient.Create(new SellingPartnerOptions
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            RefreshToken = refreshToken,
            BaseAddress = baseAddress.ToString(),
            LwaEndpoint = tokenEndpoint.ToString(),
            AllowLoopbackBaseAddress = true,
        });
        var sellers = sp.Get<ISellersClient>();
        var ready = Stopwatch.GetTimestamp();
        var response = await sellers.GetMarketplaceParticipationsAsync(CancellationToken.None);
        return new FirstCallResult(Ms(started, ready), Ms(ready, Stopwatch.GetTimestamp()), response.Payload?.Count ?? 0);
    }

    public async Task<FirstCallResult> ThroughFloorAsync(long started)
    {
        using var http = new HttpClient();
        var ready = Stopwatch.GetTimestamp();
        using var tokenResponse = await http.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));
        tokenResponse.EnsureSuccessStatusCode();
        var token = JObject.Parse(await tokenResponse.Content.ReadAsStringAsync()).Value<string>("access_token");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "sellers/v1/marketplaceParticipations"));
        request.Headers.TryAddWithoutValidation("x-amz-access-token", token);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = JsonConvert.DeserializeObject<GetMarketplaceParticipationsResponse>(await response.Content.ReadAsStringAsync());
        return new FirstCallResult(Ms(started, ready), Ms(ready, Stopwatch.GetTimestamp()), body?.Payload?.Count ?? 0);
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}

/// <summary>What the child process reports; <see cref="Loaded"/> lets tests check what start-up pulled in.</summary>
internal sealed record FirstCallResult(double ReadyMs, double FirstCallMs, int Marketplaces)
{
    public string[] Loaded { get; } = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "").Order().ToArray();

    public string ToJson(string mode) => JsonConvert.SerializeObject(new
    {
        mode,
        readyMs = Math.Round(ReadyMs, 3),
        firstCallMs = Math.Round(FirstCallMs, 3),
        marketplaces = Marketplaces,
        loaded = Loaded,
    });
}
