using Newtonsoft.Json;
using SpApi.Runtime.Json;

namespace SpApi.Cli.Bench;

/// <summary>
/// One operation measured three ways over the same transport: the floor (raw HttpClient + Json.NET
/// reading the stream into the generated type with the same settings), the generated client alone,
/// and the generated client behind the full handler pipeline.
/// </summary>
internal abstract class OverheadCase : IDisposable
{
    /// <summary>The floor reuses one serializer, as a careful hand-written caller would.</summary>
    private static readonly JsonSerializer FloorSerializer = JsonSerializer.Create(SpApiJson.CreateSettings());

    protected OverheadCase(BenchTransport transport, TimeProvider time)
    {
        Transport = transport;
        FloorHttp = NewClient(transport.CreateHandler(), transport);
        GeneratedHttp = NewClient(transport.CreateHandler(), transport);
        Pipeline = BenchPipeline.Create(transport, time);
        PipelineHttp = Pipeline.CreateHttpClient();
    }

    public BenchTransport Transport { get; }

    /// <summary>The SpApi.Auth pipeline the pipeline scenario sends through.</summary>
    public BenchPipeline Pipeline { get; }

    /// <summary>The SP-API operation, e.g. <c>getOrders</c>.</summary>
    public abstract string Operation { get; }

    /// <summary><c>operation/transport</c>, the case name in reports.</summary>
    public string Name => $"{Operation}/{Transport.Name}";

    protected HttpClient FloorHttp { get; }
    protected HttpClient GeneratedHttp { get; }
    protected HttpClient PipelineHttp { get; }

    public abstract Task<object> FloorAsync(CancellationToken cancellationToken);
    public abstract Task<object> GeneratedAsync(CancellationToken cancellationToken);
    public abstract Task<object> PipelineAsync(CancellationToken cancellationToken);

    /// <summary>The floor: GET, check status, deserialise from the response stream.</summary>
    protected static async Task<T> ReadFloorAsync<T>(HttpClient http, string relativeUrl, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(relativeUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var text = new StreamReader(stream);
        using var json = new JsonTextReader(text);
        return FloorSerializer.Deserialize<T>(json) ?? throw new InvalidDataException($"Empty {typeof(T).Name} body from {relativeUrl}.");
    }

    private static HttpClient NewClient(HttpMessageHandler handler, BenchTransport transport) =>
        new(handler, disposeHandler: true) { BaseAddress = transport.BaseAddress };

    public void Dispose()
    {
        FloorHttp.Dispose();
        GeneratedHttp.Dispose();
        PipelineHttp.Dispose();
        Pipeline.Dispose();
    }

    /// <summary>Both cases over <paramref name="transport"/>: the small response first, then the large one.</summary>
    public static IReadOnlyList<OverheadCase> CreateAll(BenchTransport transport, TimeProvider? time = null) =>
    [
        new MarketplaceParticipationsCase(transport, time ?? TimeProvider.System),
        new GetOrdersCase(transport, time ?? TimeProvider.System),
    ];
}
