using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Redis.Tests.Support;
using StackExchange.Redis;

namespace SpApi.Auth.Redis.Tests;

/// <summary>
/// Usage-plan buckets shared through a real Redis server: what one worker spends, adopts or drains, every worker sees.
/// The plan is 0.001 requests/s, burst 3: after the burst the next token is ~1000 s away, so "must wait" is certain
/// and no test depends on timing.
/// </summary>
[Category("Redis")]
public class SharedBucketTests
{
    private static FleetWorker Worker(FleetWorker.Fleet fleet, TimeSpan? maxWait = null, int queueLimit = 1000) =>
        FleetWorker.Create(fleet, o =>
        {
            o.RateLimiting.MaxWait = maxWait ?? TimeSpan.FromSeconds(5);
            o.RateLimiting.QueueLimit = queueLimit;
        });

    private static async Task<HashEntry[]> BucketAsync(FleetWorker worker)
    {
        var db = (await worker.Redis.DatabaseAsync())!;
        var keys = await RedisServer.KeysAsync(worker.Of.Prefix + ":rl:*");
        Assert.That(keys, Has.Count.EqualTo(1), "one bucket for one seller, endpoint and operation");
        return await db.HashGetAllAsync(keys[0]);
    }

    private static double Field(HashEntry[] hash, string name) =>
        double.Parse(hash.Single(e => e.Name == name).Value.ToString(), CultureInfo.InvariantCulture);

    [Test]
    public async Task Burst_IsSharedByTheFleet_NotGrantedOncePerWorker()
    {
        var fleet = new FleetWorker.Fleet();
        using var a = Worker(fleet);
        using var b = Worker(fleet);

        (await a.CallAsync()).Dispose();
        (await b.CallAsync()).Dispose();
        (await a.CallAsync()).Dispose();

        // The plan's burst of 3 is spent: a fourth call from either worker would wait ~1000 s, over MaxWait.
        var error = Assert.ThrowsAsync<RateLimitExceededException>(() => b.CallAsync());
        Assert.That(error!.Reason, Is.EqualTo(RateLimitRejection.MaxWaitExceeded));
        Assert.That(a.Sent + b.Sent, Is.EqualTo(3));
    }

    [Test]
    public async Task RateHeader_AdoptedByOneWorker_PacesTheOthers()
    {
        var fleet = new FleetWorker.Fleet();
        using var a = Worker(fleet);
        using var b = Worker(fleet);
        a.Respond = _ => FleetWorker.Ok(rateHeader: "50");

        (await a.CallAsync()).Dispose();

        Assert.That(Field(await BucketAsync(b), "rate"), Is.EqualTo(50));
        // At 50/s b's calls are no longer ~1000 s apart: the burst left plus the next tokens come within MaxWait.
        for (var i = 0; i < 4; i++) (await b.CallAsync()).Dispose();
        Assert.That(b.Sent, Is.EqualTo(4));
    }

    [Test]
    public async Task A429_DrainsTheSharedBucket_ForEveryWorker()
    {
        var fleet = new FleetWorker.Fleet();
        using var a = Worker(fleet);
        using var b = Worker(fleet);
        a.Respond = _ => FleetWorker.Throttled();

        (await a.CallAsync()).Dispose();

        Assert.That(Field(await BucketAsync(b), "tokens"), Is.LessThanOrEqualTo(0));
        Assert.ThrowsAsync<RateLimitExceededException>(() => b.CallAsync(), "two tokens were left before the 429; the drain took them");
        Assert.That(b.Sent, Is.Zero);
    }

    [Test]
    public async Task FullLocalQueue_FailsAtOnce_AndGivesItsTokenBack()
    {
        var fleet = new FleetWorker.Fleet();
        using var a = Worker(fleet, maxWait: Timeout.InfiniteTimeSpan, queueLimit: 0);
        for (var i = 0; i < 3; i++) (await a.CallAsync()).Dispose();
        var before = Field(await BucketAsync(a), "tokens");

        var error = Assert.ThrowsAsync<RateLimitExceededException>(() => a.CallAsync());

        Assert.That(error!.Reason, Is.EqualTo(RateLimitRejection.QueueFull));
        Assert.That(Field(await BucketAsync(a), "tokens"), Is.GreaterThanOrEqualTo(before), "the reserved token was refunded");
    }

    [Test]
    public async Task CancelledWait_ThrowsForTheCaller_AndGivesItsTokenBack()
    {
        var fleet = new FleetWorker.Fleet();
        using var a = Worker(fleet, maxWait: Timeout.InfiniteTimeSpan);
        for (var i = 0; i < 3; i++) (await a.CallAsync()).Dispose();
        var before = Field(await BucketAsync(a), "tokens");
        using var cts = new CancellationTokenSource();

        var waiting = a.CallAsync(cts.Token);
        await cts.CancelAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(a.Sent, Is.EqualTo(3));
        Assert.That(Field(await BucketAsync(a), "tokens"), Is.GreaterThanOrEqualTo(before));
    }

    [Test]
    public async Task BucketKey_IsNamespacedAndExpires()
    {
        var fleet = new FleetWorker.Fleet();
        using var a = Worker(fleet);
        (await a.CallAsync()).Dispose();

        var keys = await RedisServer.KeysAsync(fleet.Prefix + ":rl:*");
        Assert.That(keys.Single().ToString(), Does.StartWith(fleet.Prefix + ":rl:").And.Contain(":default:").And.EndWith(":" + FleetWorker.Op.Key));

        var ttl = await (await a.Redis.DatabaseAsync())!.KeyTimeToLiveAsync(keys.Single());
        var idle = new RateLimitHandlerOptions().IdleBucketExpiry;
        Assert.That(ttl, Is.Not.Null.And.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(idle + TimeSpan.FromSeconds(1 / 0.001 + 1)));
    }

    [Test]
    public void UseRedis_InvalidOptions_FailAtStartNamingTheOption()
    {
        var fleet = new FleetWorker.Fleet();
        using var worker = FleetWorker.Create(fleet, redis: o => { o.ExpectedFleetSize = 0; o.TokenEncryptionKey = "short"; });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => _ = worker.RedisOptions);
        Assert.That(error!.Message, Does.Contain("ExpectedFleetSize").And.Contain("TokenEncryptionKey"));
    }
}
