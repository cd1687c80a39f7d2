using System.Globalization;
using StackExchange.Redis;

namespace SpApi.Auth.Redis.Tests;

/// <summary>
/// The bucket script must run atomically on the server: two workers' reservations may never read the same bucket state
/// (a lost update hands one token to two callers, and the fleet sends up to twice the plan). Garnet runs Lua scripts
/// as sequences of separate commands unless started with <c>--lua-transaction-mode true</c>; this fails there.
/// </summary>
[Category("Redis")]
public class BucketAtomicityTests
{
    [Test]
    public async Task ConcurrentReservations_FromManyConnections_EachReserveTheirOwnToken()
    {
        const int connections = 4, perConnection = 100, burst = 3;
        const double rate = 0.001;
        RedisKey key = RedisServer.UniquePrefix() + ":rl:atomicity";
        var multiplexers = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => ConnectionMultiplexer.ConnectAsync(RedisServer.Endpoint)));
        try
        {
            var answers = await Task.WhenAll(multiplexers.SelectMany(m => Enumerable.Range(0, perConnection).Select(_ =>
                FleetBucketScript.RunAsync(m.GetDatabase(), key, FleetBucketScript.Take, rate, burst, TimeSpan.FromSeconds(60), -1))));

            var tokens = double.Parse((await multiplexers[0].GetDatabase().HashGetAsync(key, "tokens")).ToString(), CultureInfo.InvariantCulture);
            // Every take spent one token (refill at 0.001/s adds well under 0.5 during the test).
            Assert.That(tokens, Is.EqualTo(burst - connections * perConnection).Within(0.5), "a reservation was lost: two callers got one token");
            // Each caller past the burst waits for its own token, ~1000 s after the previous one: no two share a slot.
            var slots = answers.Select(a => Math.Round(a.Wait.TotalSeconds * rate)).Where(s => s > 0).ToList();
            Assert.That(slots, Is.Unique);
            Assert.That(slots, Has.Count.EqualTo(connections * perConnection - burst));
        }
        finally
        {
            foreach (var m in multiplexers) await m.DisposeAsync();
        }
    }
}
