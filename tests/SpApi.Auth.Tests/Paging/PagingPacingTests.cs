using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SpApi.Auth.Pipeline;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Tests.Support;
using SpApi.Clients;
using SpApi.Runtime;
using SpApi.Reports.V2021_06_30;

namespace SpApi.Auth.Tests.Paging;

/// <summary>
/// Each page is an ordinary pipeline call, so walking pages spends the operation's usage plan: the burst goes at
/// once, the next page waits for the bucket to refill (on the fake clock), nothing is sent early.
/// </summary>
public class PagingPacingTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // a hang guard only, never a timing assertion

    [Test]
    public async Task Pages_beyond_the_burst_wait_for_the_usage_plan()
    {
        var op = SpApiOperationCatalog.Instance.Get("reports_2021-06-30.json", "getReports");
        var plan = op.UsagePlan ?? throw new AssertionException("getReports documents a usage plan");
        var burst = plan.Burst;
        var interval = TimeSpan.FromSeconds(1 / plan.Rate);
        using var host = AuthTestHost.Create(generatedClients: true,
            build: b => b.UseStage(PipelineStage.RateLimit, sp => new RateLimitHandler(sp.GetRequiredService<SpApiRateLimiter>())));
        host.SpApi.Responder = sent => sent.OperationKey != op.Key ? null : new HttpResponseMessage(HttpStatusCode.OK)
        {
            // Every page points to another one, so only the limiter decides when the next request goes.
            Content = new StringContent(new JObject { ["reports"] = new JArray(), ["nextToken"] = $"t{host.SpApi.Sent.Count}" }.ToString()),
        };
        var limiter = host.Services.GetRequiredService<SpApiRateLimiter>();
        int Sent() => host.SpApi.Sent.Count(s => s.OperationKey == op.Key);

        await using var pages = host.Services.GetRequiredService<IReportsClient>().GetReportsPagesAsync(cancellationToken: CancellationToken.None)
            .GetAsyncEnumerator();
        for (var i = 0; i < burst; i++)
            Assert.That(await pages.MoveNextAsync().AsTask().WaitAsync(Guard), Is.True, $"page {i + 1} is within the burst");

        var next = pages.MoveNextAsync().AsTask();
        await Eventually.UntilAsync(() => Queued(limiter, op) == 1, Guard);
        Assert.That(Sent(), Is.EqualTo(burst), "the page after the burst is queued, not sent");

        host.Time.Advance(interval * 0.9);
        Assert.That(next.IsCompleted, Is.False);
        Assert.That(Sent(), Is.EqualTo(burst));

        host.Time.Advance(interval * 0.2);
        Assert.That(await next.WaitAsync(Guard), Is.True);
        Assert.That(Sent(), Is.EqualTo(burst + 1), "one refilled token, one more page");
    }

    private static long Queued(SpApiRateLimiter limiter, OperationMetadata op) =>
        limiter.Find(new BucketKey("default", "https://sellingpartnerapi-na.amazon.com", op.Key))?.Snapshot().Queued ?? 0;
}
