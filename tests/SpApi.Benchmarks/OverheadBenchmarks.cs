using BenchmarkDotNet.Attributes;
using SpApi.Cli.Bench;

namespace SpApi.Benchmarks;

/// <summary>Where the requests go.</summary>
public enum TransportKind
{
    /// <summary>Canned responses from an in-memory handler: pure client overhead.</summary>
    InMemory,

    /// <summary>A Kestrel server on 127.0.0.1: adds sockets and HTTP parsing (the same for all three).</summary>
    Loopback,
}

/// <summary>
/// One response size measured three ways per transport; BenchmarkDotNet reports each method's ratio to
/// <see cref="Floor"/> (time and allocations).
/// </summary>
[MemoryDiagnoser]
public abstract class OverheadBenchmarks
{
    private LoopbackServer? _server;
    private OverheadCase _case = null!;

    [Params(TransportKind.InMemory, TransportKind.Loopback)]
    public TransportKind Transport { get; set; }

    internal abstract OverheadCase CreateCase(BenchTransport transport);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        BenchTransport transport;
        if (Transport == TransportKind.Loopback)
        {
            _server = await LoopbackServer.StartAsync();
            transport = _server.Transport;
        }
        else
        {
            transport = BenchTransport.InMemory;
        }
        _case = CreateCase(transport);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _case.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>Raw HttpClient + Json.NET reading the stream into the generated type (same settings).</summary>
    [Benchmark(Baseline = true)]
    public Task<object> Floor() => _case.FloorAsync(CancellationToken.None);

    /// <summary>The generated client on a plain HttpClient (no handlers).</summary>
    [Benchmark]
    public Task<object> Generated() => _case.GeneratedAsync(CancellationToken.None);

    /// <summary>The generated client behind the full pipeline: telemetry, retry, rate limit, auth.</summary>
    [Benchmark]
    public Task<object> Pipeline() => _case.PipelineAsync(CancellationToken.None);
}

/// <summary>getMarketplaceParticipations: a small response (under 2 KB).</summary>
public class SmallResponse : OverheadBenchmarks
{
    internal override OverheadCase CreateCase(BenchTransport transport) => new MarketplaceParticipationsCase(transport, TimeProvider.System);
}

/// <summary>getOrders: a large response (100 orders, about 300 KB).</summary>
public class LargeResponse : OverheadBenchmarks
{
    internal override OverheadCase CreateCase(BenchTransport transport) => new GetOrdersCase(transport, TimeProvider.System);
}
