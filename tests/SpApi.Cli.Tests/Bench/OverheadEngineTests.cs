using SpApi.Cli.Bench;

namespace SpApi.Cli.Tests.Bench;

public class OverheadEngineTests
{
    private static readonly OverheadRunOptions Tiny = new(TimeSpan.Zero, TimeSpan.Zero, MinIterations: 2, Rounds: 1);

    [Test]
    public async Task RunAsync_ReportsEveryCaseWithPositiveFigures()
    {
        var cases = OverheadCase.CreateAll(BenchTransport.InMemory);
        OverheadReport report;
        try { report = await OverheadEngine.RunAsync(cases, Tiny, CancellationToken.None); }
        finally { foreach (var c in cases) c.Dispose(); }

        Assert.That(report.Cases.Select(c => c.Name), Is.EqualTo(new[] { "getMarketplaceParticipations/in-memory", "getOrders/in-memory" }));
        foreach (var c in report.Cases)
        {
            Assert.That(new[] { c.FloorNs, c.PipelineNs, c.GeneratedNs, c.Ratio, c.AllocRatio }, Has.All.GreaterThan(0), c.Name);
            Assert.That(new[] { c.FloorBytes, c.PipelineBytes, c.GeneratedBytes }, Has.All.GreaterThan(0), c.Name);
            Assert.That(c.Ratio, Is.EqualTo(c.PipelineNs / c.FloorNs).Within(0.001), c.Name);
            Assert.That(c.AllocRatio, Is.EqualTo((double)c.PipelineBytes / c.FloorBytes).Within(0.001), c.Name);
        }
        var orders = report.Cases[1];
        Assert.That(orders.FloorBytes, Is.GreaterThan(BenchPayloads.OrdersJson.Length), "a 300 KB page cannot be read without allocating at least its size");
    }

    [Test]
    public async Task MeasureAsync_CountsEveryCallAndItsAllocations()
    {
        var calls = 0;
        Task<object> Call(CancellationToken _)
        {
            calls++;
            return Task.FromResult<object>(new byte[4000]);
        }

        var m = await OverheadEngine.MeasureAsync(Call, TimeSpan.Zero, minCalls: 10, CancellationToken.None);

        Assert.That(m.Calls, Is.EqualTo(calls));
        Assert.That(m.Calls, Is.GreaterThanOrEqualTo(10));
        Assert.That(m.BytesPerCall, Is.GreaterThanOrEqualTo(4000));
        Assert.That(m.NanosecondsPerCall, Is.GreaterThan(0));
    }

    [Test]
    public void RunAsync_Cancelled_Stops()
    {
        var cases = OverheadCase.CreateAll(BenchTransport.InMemory);
        try
        {
            Assert.ThrowsAsync<OperationCanceledException>(() =>
                OverheadEngine.RunAsync(cases, Tiny, new CancellationToken(canceled: true)));
        }
        finally { foreach (var c in cases) c.Dispose(); }
    }
}
