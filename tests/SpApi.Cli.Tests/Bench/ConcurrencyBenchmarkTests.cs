using SpApi.Cli.Bench;
using SpApi.Cli.Tests.Support;
using SpApi.Runtime;

namespace SpApi.Cli.Tests.Bench;

public class ConcurrencyBenchmarkTests
{
    private const int Sellers = 5;
    private const int Calls = 200;

    private static ConcurrencyBenchmarkOptions Small(Func<DelegatingHandler>? wireTap = null) =>
        new() { Sellers = Sellers, Calls = Calls, Cases = SmokeModels.Cases, WireTap = wireTap };

    [Test]
    public async Task Many_concurrent_calls_need_one_refresh_and_one_rdt_per_seller_and_reach_the_right_seller()
    {
        var result = await new ConcurrencyBenchmark(Small()).RunAsync(CancellationToken.None);

        var report = result.Report;
        Assert.That(report, Is.EqualTo(new ConcurrencyReport(Calls, Sellers, Failures: 0, LwaRequests: Sellers, RdtRequests: Sellers, CrossSellerMixups: 0)),
            string.Join("; ", result.FailureSamples));
        Assert.That(report.GoalsMet, Is.True);
        Assert.That(result.RestrictedCalls, Is.EqualTo(Calls / 4), "every 4th round of calls is getOrder");
        // Each seller sent its 40 calls plus its createRestrictedDataToken (more only if a 429 was retried), and the
        // sandbox saw exactly that many on that seller's tokens; nothing unauthenticated or unattributed.
        Assert.That(result.SellerCounts.Select(c => c.SellerId), Is.EqualTo(Enumerable.Range(1, Sellers).Select(i => $"A{i:D3}BENCHSELLER")));
        Assert.That(result.SellerCounts, Has.All.Matches<SellerCount>(c => c.Matches && c.Sent >= Calls / Sellers + 1));
        Assert.That(result.SellerCounts.Sum(c => c.Sent), Is.EqualTo(Calls + Sellers + result.Throttled));
    }

    [Test]
    public async Task A_pipeline_that_sends_one_sellers_token_for_others_is_reported_as_mixups()
    {
        var result = await new ConcurrencyBenchmark(Small(() => new FirstTokenForEverySeller())).RunAsync(CancellationToken.None);

        Assert.That(result.Report.Failures, Is.Zero, "the sandbox answers the borrowed token: only the counts reveal it");
        Assert.That(result.Report.CrossSellerMixups, Is.EqualTo(Sellers), "the lender saw more than it sent, the others less");
        Assert.That(result.Report.GoalsMet, Is.False);
        var lender = result.SellerCounts.Single(c => c.Seen > c.Sent);
        Assert.That(lender.Seen, Is.EqualTo(result.SellerCounts.Sum(c => c.Sent) - result.SellerCounts.Where(c => c != lender).Sum(c => c.Seen)));
    }

    [Test]
    public void Fewer_calls_than_sellers_is_rejected_naming_the_option()
    {
        var options = new ConcurrencyBenchmarkOptions { Sellers = 5, Calls = 4, Cases = SmokeModels.Cases };

        var e = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new ConcurrencyBenchmark(options).RunAsync(CancellationToken.None));

        Assert.That(e!.ParamName, Is.EqualTo("Calls"));
    }

    [TestCase(50, 10_000, 100)]
    [TestCase(1, 10_000, 2000)] // createRestrictedDataToken has the smallest burst, 10
    public void Auto_rate_scale_fits_each_sellers_calls_in_the_smallest_burst(int sellers, int calls, double expected)
    {
        var options = new ConcurrencyBenchmarkOptions { Sellers = sellers, Calls = calls, Cases = SmokeModels.Cases };

        Assert.That(ConcurrencyBenchmark.AutoRateScale(options), Is.EqualTo(expected));
    }

    /// <summary>A broken auth stage stand-in: every getMarketplaceParticipations call goes out on the first such call's token.</summary>
    private sealed class FirstTokenForEverySeller : DelegatingHandler
    {
        private string? _first;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.GetOperation()?.OperationId == "getMarketplaceParticipations")
            {
                var token = request.Headers.GetValues("x-amz-access-token").Single();
                var first = Interlocked.CompareExchange(ref _first, token, null) ?? token;
                request.Headers.Remove("x-amz-access-token");
                request.Headers.TryAddWithoutValidation("x-amz-access-token", first);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
