using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Newtonsoft.Json;
using SpApi.Cli.Bench;
using SpApi.Orders.V0;
using SpApi.Runtime;
using SpApi.Runtime.Json;
using SpApi.Sellers.V1;

namespace SpApi.Benchmarks;

/// <summary>
/// The pieces of per-call work the generated client adds to the floor, each beside its cheaper form,
/// so the overhead tables can be explained (and the cuts checked). Compare within a category.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PerCallParts
{
    private static readonly OperationMetadata Operation = SellersClient.SpApiOperations.Get("getMarketplaceParticipations");
    private readonly JsonSerializerSettings _settings = SpApiJson.CreateSettings();
    private readonly JsonSerializer _stock = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
    });
    private byte[] _ordersWithNewStatuses = [];

    [GlobalSetup]
    public void Setup()
    {
        // Every order carrying an OrderStatus and FulfillmentChannel value the model does not know yet.
        var text = Encoding.UTF8.GetString(BenchPayloads.OrdersJson)
            .Replace("\"OrderStatus\":\"", "\"OrderStatus\":\"New", StringComparison.Ordinal)
            .Replace("\"FulfillmentChannel\":\"", "\"FulfillmentChannel\":\"New", StringComparison.Ordinal);
        _ordersWithNewStatuses = Encoding.UTF8.GetBytes(text);
    }

    private static HttpResponseMessage NewResponse()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(BenchPayloads.MarketplaceParticipationsJson) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        foreach (var (name, value) in SpApiResponseHeaders.Typical) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("response headers")]
    public HttpResponseMessage Response_not_copied() => NewResponse();

    /// <summary>What generated methods do today before looking at the status.</summary>
    [Benchmark, BenchmarkCategory("response headers")]
    public object Response_copied_eagerly()
    {
        var response = NewResponse();
        var headers = new Dictionary<string, IEnumerable<string>>();
        foreach (var item in response.Headers) headers[item.Key] = item.Value;
        foreach (var item in response.Content.Headers) headers[item.Key] = item.Value;
        return headers;
    }

    [Benchmark, BenchmarkCategory("response headers")]
    public object Response_ResponseHeaders_unread() => new ResponseHeaders(NewResponse());

    [Benchmark(Baseline = true), BenchmarkCategory("request")]
    public HttpRequestMessage Request_plain() => new(HttpMethod.Get, (Uri?)null);

    /// <summary>What generated methods do today: a new HttpMethod and a parsed Accept header.</summary>
    [Benchmark, BenchmarkCategory("request")]
    public HttpRequestMessage Request_generated_today()
    {
        var request = new HttpRequestMessage { Method = new HttpMethod("GET") };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json"));
        return request;
    }

    [Benchmark, BenchmarkCategory("request")]
    public HttpRequestMessage Request_static_method_raw_accept()
    {
        var request = new HttpRequestMessage { Method = HttpMethod.Get };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }

    /// <summary>SpApiClientBase.PrepareSpApiRequest's part: the operation in the request's options.</summary>
    [Benchmark, BenchmarkCategory("request")]
    public HttpRequestMessage Request_plain_with_operation_option()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, (Uri?)null);
        request.Options.Set(SpApiRequestOptions.Operation, Operation);
        return request;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("serializer")]
    public JsonSerializer Serializer_created_per_response() => JsonSerializer.Create(_settings);

    [Benchmark, BenchmarkCategory("serializer")]
    public JsonSerializer Serializer_SerializerFor() => SpApiJson.SerializerFor(_settings);

    [Benchmark(Baseline = true), BenchmarkCategory("orders page json")]
    public GetOrdersResponse Json_stock_Json_NET() => Read(_stock, BenchPayloads.OrdersJson);

    [Benchmark, BenchmarkCategory("orders page json")]
    public GetOrdersResponse Json_SpApiJson() => Read(SpApiJson.SerializerFor(_settings), BenchPayloads.OrdersJson);

    [Benchmark, BenchmarkCategory("orders page json")]
    public GetOrdersResponse Json_SpApiJson_unknown_enum_values() => Read(SpApiJson.SerializerFor(_settings), _ordersWithNewStatuses);

    private static GetOrdersResponse Read(JsonSerializer serializer, byte[] json)
    {
        using var text = new StreamReader(new MemoryStream(json));
        using var reader = new JsonTextReader(text);
        return serializer.Deserialize<GetOrdersResponse>(reader)!;
    }
}
