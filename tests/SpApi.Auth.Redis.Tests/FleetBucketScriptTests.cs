using System.Globalization;
using SpApi.Auth.RateLimiting;
using StackExchange.Redis;

namespace SpApi.Auth.Redis.Tests;

/// <summary>
/// The shared bucket's script on a real server. The plan is 0.001 requests/s: a token is ~1000 s away, so the refill
/// during a test is negligible and nothing depends on timing.
/// </summary>
[Category("Redis")]
public class FleetBucketScriptTests
{
    private const double Rate = 0.001;
    private const int Burst = 3;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The script must run atomically: two workers' reservations may never read the same bucket state (a lost update
    /// hands one token to two callers, and the fleet sends up to twice the plan). Garnet runs Lua scripts as separate
    /// commands unless started with <c>--lua-transaction-mode true</c>; this fails there.
    /// </summary>
    [Test]
    public async Task ConcurrentReservations_FromManyConnections_EachReserveTheirOwnToken()
    {
        const int connections = 4, perConnection = 100;
        RedisKey key = RedisServer.UniquePrefix() + ":rl:atomicity";
        var multiplexers = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => ConnectionMultiplexer.ConnectAsync(RedisServer.Endpoint)));
        try
        {
            var answers = await Task.WhenAll(multiplexers.SelectMany(m => Enumerable.Range(0, perConnection).Select(_ =>
                FleetBucketScript.RunAsync(m.GetDatabase(), key, FleetBucketScript.Take, Rate, Burst, Idle, -1))));

            var tokens = double.Parse((await multiplexers[0].GetDatabase().HashGetAsync(key, "tokens")).ToString(), CultureInfo.InvariantCulture);
            // Every take spent one token (refill at 0.001/s adds well under 0.5 during the test).
            Assert.That(tokens, Is.EqualTo(Burst - connections * perConnection).Within(0.5), "a reservation was lost: two callers got one token");
            // Each caller past the burst waits for its own token, ~1000 s after the previous one: no two share a slot.
            var slots = answers.Select(a => Math.Round(a.Wait.TotalSeconds * Rate)).Where(s => s > 0).ToList();
            Assert.That(slots, Is.Unique);
            Assert.That(slots, Has.Count.EqualTo(connections * perConnection - Burst));
            Assert.That(answers.Where(a => a.Overlapped), Is.Empty, "no script saw another one running");
        }
        finally
        {
            foreach (var m in multiplexers) await m.DisposeAsync();
        }
    }

    /// <summary>
    /// A 429 while tokens are promised pushes the schedule back one interval, once: the 429s of calls promised before that
    /// push do not push again (one push per throttled call over a deep queue would throw away a token each).
    /// </summary>
    [Test]
    public async Task A429_WhileTokensArePromised_PushesTheScheduleBackOnce_NotOncePerThrottledCall()
    {
        RedisKey key = RedisServer.UniquePrefix() + ":rl:push-back";
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Endpoint);
        var db = redis.GetDatabase();
        Task<FleetBucketScript.Answer> Run(string op) => FleetBucketScript.RunAsync(db, key, op, Rate, Burst, Idle, -1);
        async Task<double> Tokens() => double.Parse((await db.HashGetAsync(key, "tokens")).ToString(), CultureInfo.InvariantCulture);

        for (var i = 0; i < Burst + 2; i++) await Run(FleetBucketScript.Take);   // two calls promised past the burst
        var promised = await Tokens();

        await Run(FleetBucketScript.Drain);
        Assert.That(await Tokens(), Is.EqualTo(promised - 1).Within(0.01), "the first 429 pushes the schedule back one interval");
        // No further push until the calls promised before it are due: two promised tokens and the one refilling, 3000 s.
        var hash = (await db.HashGetAllAsync(key)).ToDictionary(e => e.Name.ToString(), e => double.Parse(e.Value.ToString(), CultureInfo.InvariantCulture));
        Assert.That(hash["shifted"] - hash["ts"], Is.EqualTo((1 - promised) / Rate * 1000).Within(1000));
        await Run(FleetBucketScript.Drain);
        await Run(FleetBucketScript.Drain);
        Assert.That(await Tokens(), Is.EqualTo(promised - 1).Within(0.01), "429s of calls promised before the push do not push again");

        var next = await Run(FleetBucketScript.Take);
        Assert.That(next.Wait.TotalSeconds * Rate, Is.EqualTo(4).Within(0.01), "the next call waits behind two promised tokens and the push");
    }

    [Test]
    public async Task A429_WithFreeTokens_DrainsThemOnly()
    {
        RedisKey key = RedisServer.UniquePrefix() + ":rl:drain";
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Endpoint);
        var db = redis.GetDatabase();

        await FleetBucketScript.RunAsync(db, key, FleetBucketScript.Take, Rate, Burst, Idle, -1);
        await FleetBucketScript.RunAsync(db, key, FleetBucketScript.Drain, Rate, Burst, Idle, 0);
        var next = await FleetBucketScript.RunAsync(db, key, FleetBucketScript.Take, Rate, Burst, Idle, -1);

        Assert.That(next.Wait.TotalSeconds * Rate, Is.EqualTo(1).Within(0.01), "the two free tokens are gone; the next one is a refill away");
    }

    /// <summary>
    /// A server that lets scripts overlap is named in an error log, once, with the fix. The overlap is staged exactly:
    /// another script's start (its HINCRBY of 'seq') without its write, as Garnet without transaction mode interleaves them.
    /// </summary>
    [Test]
    public async Task A_script_overlapping_another_is_reported_once_naming_the_fix()
    {
        var fleet = new Support.FleetWorker.Fleet();
        using var worker = Support.FleetWorker.Create(fleet, o => o.RateLimiting.MaxWait = TimeSpan.FromSeconds(5));
        (await worker.CallAsync()).Dispose();
        var key = (await RedisServer.KeysAsync(fleet.Prefix + ":rl:*")).Single();
        var db = (await worker.Redis.DatabaseAsync())!;
        Assert.That(worker.Logs.Lines.Where(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error), Is.Empty, "scripts one after another");

        await db.HashIncrementAsync(key, "seq");
        (await worker.CallAsync()).Dispose();
        (await worker.CallAsync()).Dispose();
        await db.HashIncrementAsync(key, "seq");
        // The burst of 3 is spent: this reservation is refused (over MaxWait), but its script ran and overlapped again.
        Assert.ThrowsAsync<RateLimitExceededException>(() => worker.CallAsync());

        var errors = worker.Logs.Lines.Where(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error).Select(l => l.Message).ToList();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.Contain("does not run Lua scripts atomically").And.Contain("--lua-transaction-mode true"));
    }
}
