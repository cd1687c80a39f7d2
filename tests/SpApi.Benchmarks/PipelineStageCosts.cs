using BenchmarkDotNet.Attributes;
using SpApi.Cli.Bench;
using SpApi.Sellers.V1;

namespace SpApi.Benchmarks;

/// <summary>
/// The small call (getMarketplaceParticipations, in memory) with the pipeline's stages added one at a time,
/// innermost first, so each stage's cost per call is the difference between neighbouring rows. The first
/// row is the generated client on a plain HttpClient; from the second on, calls go through
/// AddSellingPartnerApi's IHttpClientFactory pipeline with the removed stages passing through.
/// </summary>
[MemoryDiagnoser]
public class PipelineStageCosts
{
    private readonly List<IDisposable> _owned = [];
    private SellersClient _none = null!, _auth = null!, _rateLimit = null!, _retry = null!, _telemetry = null!, _collected = null!;

    private SellersClient Client(PipelineStages stages, bool collect)
    {
        var pipeline = BenchPipeline.Create(BenchTransport.InMemory, TimeProvider.System, stages, collect);
        var http = pipeline.CreateHttpClient();
        _owned.Add(http);
        _owned.Add(pipeline);
        return new SellersClient(http);
    }

    // Listening is process-wide, so only the benchmark that measures it turns the collector on.
    [GlobalSetup(Target = nameof(Telemetry_collected))]
    public void SetupCollected() => _collected = Client(PipelineStages.All, collect: true);

    [GlobalSetup]
    public void Setup()
    {
        var plain = new HttpClient(new CannedResponseHandler()) { BaseAddress = BenchTransport.InMemory.BaseAddress };
        _owned.Add(plain);
        _none = new SellersClient(plain);
        _auth = Client(PipelineStages.None, collect: false);
        _rateLimit = Client(PipelineStages.RateLimit, collect: false);
        _retry = Client(PipelineStages.RateLimit | PipelineStages.Retry, collect: false);
        _telemetry = Client(PipelineStages.All, collect: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var o in _owned) o.Dispose();
        _owned.Clear();
    }

    [Benchmark(Baseline = true)]
    public Task<GetMarketplaceParticipationsResponse> Generated_no_stage() => _none.GetMarketplaceParticipationsAsync();

    [Benchmark]
    public Task<GetMarketplaceParticipationsResponse> Auth() => _auth.GetMarketplaceParticipationsAsync();

    [Benchmark]
    public Task<GetMarketplaceParticipationsResponse> Auth_RateLimit() => _rateLimit.GetMarketplaceParticipationsAsync();

    [Benchmark]
    public Task<GetMarketplaceParticipationsResponse> Auth_RateLimit_Retry() => _retry.GetMarketplaceParticipationsAsync();

    [Benchmark]
    public Task<GetMarketplaceParticipationsResponse> All_telemetry_not_listened_to() => _telemetry.GetMarketplaceParticipationsAsync();

    [Benchmark]
    public Task<GetMarketplaceParticipationsResponse> Telemetry_collected() => _collected.GetMarketplaceParticipationsAsync();
}
