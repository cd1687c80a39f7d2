using BenchmarkDotNet.Attributes;
using SpApi.Cli.Bench;
using SpApi.Sellers.V1;

namespace SpApi.Benchmarks;

/// <summary>
/// The small call (getMarketplaceParticipations, in memory) with the pipeline's stages added one at a time,
/// innermost first, so each stage's cost per call is the difference between neighbouring rows.
/// </summary>
[MemoryDiagnoser]
public class PipelineStageCosts
{
    private readonly List<HttpClient> _http = [];
    private SellersClient _none = null!, _auth = null!, _rateLimit = null!, _retry = null!, _telemetry = null!, _collected = null!;

    private SellersClient Client(PipelineStages stages, bool collect)
    {
        var http = new HttpClient(BenchPipeline.Create(new CannedResponseHandler(), TimeProvider.System, stages, collect))
        {
            BaseAddress = BenchTransport.InMemory.BaseAddress,
        };
        _http.Add(http);
        return new SellersClient(http);
    }

    // Listening is process-wide, so only the benchmark that measures it turns the collector on.
    [GlobalSetup(Target = nameof(Telemetry_collected))]
    public void SetupCollected() => _collected = Client(PipelineStages.All, collect: true);

    [GlobalSetup]
    public void Setup()
    {
        _none = Client(PipelineStages.None, collect: false);
        _auth = Client(PipelineStages.Auth, collect: false);
        _rateLimit = Client(PipelineStages.Auth | PipelineStages.RateLimit, collect: false);
        _retry = Client(PipelineStages.Auth | PipelineStages.RateLimit | PipelineStages.Retry, collect: false);
        _telemetry = Client(PipelineStages.All, collect: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var http in _http) http.Dispose();
        _http.Clear();
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
