namespace SpApi.Cli.Bench;

/// <summary>An <see cref="OverheadCase"/> for one generated client type and response type.</summary>
internal abstract class OverheadCase<TClient, TResponse> : OverheadCase where TResponse : class
{
    private readonly TClient _generated;
    private readonly TClient _pipeline;

    protected OverheadCase(BenchTransport transport, TimeProvider time, Func<HttpClient, TClient> createClient)
        : base(transport, time)
    {
        _generated = createClient(GeneratedHttp);
        _pipeline = createClient(PipelineHttp);
    }

    /// <summary>The URL the generated client builds for the call, relative to the base address.</summary>
    protected abstract string RelativeUrl { get; }

    /// <summary>The generated method under test.</summary>
    protected abstract Task<TResponse> CallAsync(TClient client, CancellationToken cancellationToken);

    public override async Task<object> FloorAsync(CancellationToken cancellationToken) =>
        await ReadFloorAsync<TResponse>(FloorHttp, RelativeUrl, cancellationToken).ConfigureAwait(false);

    public override async Task<object> GeneratedAsync(CancellationToken cancellationToken) =>
        await CallAsync(_generated, cancellationToken).ConfigureAwait(false);

    public override async Task<object> PipelineAsync(CancellationToken cancellationToken) =>
        await CallAsync(_pipeline, cancellationToken).ConfigureAwait(false);
}
