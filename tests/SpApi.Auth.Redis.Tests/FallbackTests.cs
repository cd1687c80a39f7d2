using Microsoft.Extensions.Logging;
using SpApi.Auth.Redis.Tests.Support;
using SpApi.Cli.Bench;

namespace SpApi.Auth.Redis.Tests;

/// <summary>
/// Redis down never stops calls: the server is stopped and restarted in the middle of a run of calls; every call
/// succeeds (on local buckets at the worker's share while Redis is gone), the outage is logged once and counted,
/// and the worker goes back to the shared buckets when the server is back. Always on its own embedded Garnet,
/// which this test may stop (an external server named by SPAPI_TEST_REDIS is never stopped).
/// </summary>
[Category("Redis")]
public class FallbackTests
{
    [Test]
    public async Task ServerStoppedAndRestartedMidRun_NoCallFails_OneOutageLogged_SharedBucketsResume()
    {
        var garnet = EmbeddedGarnet.Start();
        var fleet = new FleetWorker.Fleet { Redis = garnet.Endpoint + ",connectTimeout=500,syncTimeout=500,asyncTimeout=500" };
        using var worker = FleetWorker.Create(fleet,
            o => o.RateLimiting.PlanOverrides[FleetWorker.Op.Key] = new SpApi.Runtime.UsagePlan(10_000, 10_000),
            r => { r.ExpectedFleetSize = 4; r.ReconnectProbeInterval = TimeSpan.FromMilliseconds(50); });
        var failures = 0;
        using var stop = new CancellationTokenSource();
        var calls = 0;
        long outagesBefore = 0;
        int warningsBefore = 0, resumesBefore = 0;
        var caller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await worker.CallAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
                Interlocked.Increment(ref calls);
            }
        });
        try
        {
            await Eventually.UntilAsync(() => Volatile.Read(ref calls) >= 20 && !worker.Redis.IsDown, ReconnectLimit);
            // A loaded machine may need longer than the connect timeout for the first connection: that counts too.
            outagesBefore = worker.Redis.Outages;
            warningsBefore = Warnings(worker);
            resumesBefore = Resumes(worker);

            garnet.Dispose();
            await Eventually.UntilAsync(() => worker.Redis.IsDown, ReconnectLimit);
            var callsWhileDown = Volatile.Read(ref calls);
            await Eventually.UntilAsync(() => Volatile.Read(ref calls) >= callsWhileDown + 20, ReconnectLimit);

            garnet = EmbeddedGarnet.Start(garnet.Port);
            await Eventually.UntilAsync(() => !worker.Redis.IsDown, ReconnectLimit);
            var callsAfter = Volatile.Read(ref calls);
            await Eventually.UntilAsync(() => Volatile.Read(ref calls) >= callsAfter + 20, ReconnectLimit);
        }
        finally
        {
            await stop.CancelAsync();
            await caller;
            garnet.Dispose();
        }

        Assert.That(failures, Is.Zero, "no call failed because Redis was gone");
        Assert.That(worker.Redis.Outages - outagesBefore, Is.EqualTo(1), "one outage");
        Assert.That(Warnings(worker) - warningsBefore, Is.EqualTo(1), "logged once");
        Assert.That(Resumes(worker) - resumesBefore, Is.EqualTo(1), "the resume is logged");
        Assert.That(worker.Services.GetService(typeof(FleetRateLimiter)) is FleetRateLimiter { Fallback.BucketCount: 1 }, "the local fallback bucket was used");
    }

    [Test]
    public void FallbackShare_DefaultsToPlanOverFleetSize()
    {
        var fleet = new FleetWorker.Fleet();
        using var worker = FleetWorker.Create(fleet, redis: r => r.ExpectedFleetSize = 4);
        var limiter = (FleetRateLimiter)worker.Services.GetService(typeof(FleetRateLimiter))!;

        var plan = limiter.Fallback.Options.PlanFor(new SpApi.Runtime.OperationMetadata("x.json", "X", "V0", "op", "GET", "/x", new SpApi.Runtime.UsagePlan(20, 40), false, null));

        Assert.That(plan.Rate, Is.EqualTo(5));
        Assert.That(plan.Burst, Is.EqualTo(10));
        Assert.That(limiter.Fallback.Options.AdoptRateLimitHeader, Is.False, "the header states the whole plan, not this worker's share");
    }

    private static int Warnings(FleetWorker worker) =>
        worker.Logs.Lines.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("Redis is unreachable", StringComparison.Ordinal));

    private static int Resumes(FleetWorker worker) =>
        worker.Logs.Lines.Count(l => l.Message.Contains("Redis is reachable again", StringComparison.Ordinal));

    // A real server's reconnects take real time; bounded so a broken build fails instead of hanging.
    private static readonly TimeSpan ReconnectLimit = TimeSpan.FromSeconds(60);
}
