using System.Net;
using SpApi.Cli.Bench.RateLimit;
using SpApi.Runtime;

namespace SpApi.Cli.Tests.Bench.RateLimit;

public class PlanEnforcingHandlerTests
{
    [Test]
    public async Task Enforces_burst_then_rate_per_seller_and_answers_QuotaExceeded_with_the_rate_header()
    {
        var time = new TestClock();
        var server = new PlanEnforcingHandler(seller => seller == "slow" ? new UsagePlan(1, 1) : new UsagePlan(2, 3), time);
        using var client = new HttpMessageInvoker(server);
        var op = TestOperations.WithPlan(rate: 2, burst: 3);

        async Task<HttpStatusCode> Send(string seller) =>
            (await client.SendAsync(TestOperations.Request(op, seller), CancellationToken.None)).StatusCode;

        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) burst.Add(await Send("fast"));
        Assert.That(burst, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(await Send("slow"), Is.EqualTo(HttpStatusCode.OK), "another seller has its own bucket");

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.That(await Send("fast"), Is.EqualTo(HttpStatusCode.TooManyRequests));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(await Send("fast"), Is.EqualTo(HttpStatusCode.OK));

        var throttled = await client.SendAsync(TestOperations.Request(op, "fast"), CancellationToken.None);
        Assert.That(await throttled.Content.ReadAsStringAsync(), Does.Contain("QuotaExceeded"));
        Assert.That(throttled.Headers.GetValues("x-amzn-RateLimit-Limit").Single(), Is.EqualTo("2"));
        Assert.That(throttled.Headers.GetValues("x-amzn-RequestId").Single(), Does.StartWith("bench-"));
        Assert.That(server.CountsFor("fast"), Is.EqualTo((4, 3)));
        Assert.That(server.CountsFor("slow"), Is.EqualTo((1, 0)));
    }
}
