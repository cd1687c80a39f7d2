using System.Text;
using SpApi.Auth.Redis.Tests.Support;
using StackExchange.Redis;

namespace SpApi.Auth.Redis.Tests;

/// <summary>One LWA refresh per seller for the whole fleet, and tokens in Redis only encrypted.</summary>
[Category("Redis")]
public class SharedTokenTests
{
    private static FleetWorker Worker(FleetWorker.Fleet fleet) =>
        FleetWorker.Create(fleet, o => o.RateLimiting.PlanOverrides[FleetWorker.Op.Key] = new SpApi.Runtime.UsagePlan(1000, 1000));

    [Test]
    public async Task FourWorkers_CallingAtOnce_RefreshTheSellersTokenOnce()
    {
        var fleet = new FleetWorker.Fleet();
        var workers = Enumerable.Range(0, 4).Select(_ => Worker(fleet)).ToArray();
        try
        {
            // Hold the first refresh at LWA until every worker has asked for the token.
            fleet.Lwa.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var calls = workers.SelectMany(w => Enumerable.Range(0, 5).Select(_ => w.CallAsync())).ToArray();
            while (fleet.Lwa.Requests == 0) await Task.Yield();
            fleet.Lwa.Gate.SetResult();
            foreach (var response in await Task.WhenAll(calls)) response.Dispose();

            Assert.That(fleet.Lwa.Requests, Is.EqualTo(1));
            Assert.That(workers.Sum(w => w.Sent), Is.EqualTo(20));
        }
        finally
        {
            foreach (var w in workers) w.Dispose();
        }
    }

    [Test]
    public async Task TokenInRedis_IsEncrypted_AndUnreadableUnderAnotherKey()
    {
        var fleet = new FleetWorker.Fleet();
        using var worker = Worker(fleet);
        (await worker.CallAsync()).Dispose();

        var keys = await RedisServer.KeysAsync(fleet.Prefix + ":token:*");
        var stored = (byte[])(await (await worker.Redis.DatabaseAsync())!.StringGetAsync(keys.Single()))!;
        var text = Encoding.UTF8.GetString(stored) + Encoding.Latin1.GetString(stored);
        Assert.That(text, Does.Not.Contain("Atza|fleet-access").And.Not.Contain("fleet-refresh"));

        // A worker with another key cannot read it: it refreshes on its own instead of failing.
        using var stranger = Worker(new FleetWorker.Fleet { Prefix = fleet.Prefix, Lwa = fleet.Lwa });
        (await stranger.CallAsync()).Dispose();
        Assert.That(stranger.Sent, Is.EqualTo(1));
        Assert.That(fleet.Lwa.Requests, Is.EqualTo(2));
    }
}
