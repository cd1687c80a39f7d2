using Microsoft.Extensions.Time.Testing;
using SpApi.Auth.OAuth;
using SpApi.Auth.Resilience;
using SpApi.Auth.Tokens;

namespace SpApi.Auth.Tests.Caching;

/// <summary>
/// The in-memory stores stay bounded and keep a flat per-call cost as they fill. Cost is counted as work the store
/// does (expiry-order comparisons plus entries removed), never timed.
/// </summary>
public class BoundedStoreTests
{
    private const int Big = 100_000;
    private const int Small = 1_000;
    private const int Probe = 1_000;

    [Test]
    public async Task Token_cache_work_per_call_is_flat_from_1k_to_100k_single_use_rdts()
    {
        var small = await TokenCacheWorkPerCall(Small);
        var big = await TokenCacheWorkPerCall(Big);
        TestContext.Out.WriteLine($"token cache: {small:0.0} units/call at {Small:N0} entries, {big:0.0} at {Big:N0}");
        // A scan would cost ~100,000 units on some call; O(log n) grows by log2(100k)/log2(1k) ~ 1.7x.
        Assert.That(big, Is.LessThan(small * 2.5));
        Assert.That(big, Is.LessThan(100));
    }

    // A full cache (the worst case: every write evicts), then one report-document RDT per call (a new key every time,
    // expiring in an hour) with a read of it, one second apart.
    private static async Task<double> TokenCacheWorkPerCall(int entries)
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryTokenCache(time, capacity: entries);
        for (var i = 0; i < entries; i++)
            await cache.SetAsync($"rdt-{i}", new CachedToken($"t{i}", time.GetUtcNow().AddHours(1)), CancellationToken.None);
        Assert.That(cache.Count, Is.EqualTo(entries));

        var before = cache.Store.Work;
        for (var i = 0; i < Probe; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var key = $"probe-{i}";
            await cache.SetAsync(key, new CachedToken("p", time.GetUtcNow().AddHours(1)), CancellationToken.None);
            Assert.That(await cache.GetAsync(key, CancellationToken.None), Is.Not.Null);
        }
        Assert.That(cache.Count, Is.EqualTo(entries));
        Assert.That(cache.Store.EvictedWhileValid, Is.EqualTo(Probe));
        return (cache.Store.Work - before) / (double)Probe;
    }

    [Test]
    public async Task A_full_token_cache_drops_the_token_that_expires_first()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryTokenCache(time, capacity: Small);
        for (var i = 0; i < Small + 500; i++)
            await cache.SetAsync($"k{i}", new CachedToken($"v{i}", time.GetUtcNow().AddMinutes(10 + i)), CancellationToken.None);

        Assert.That(cache.Count, Is.EqualTo(Small));
        Assert.That(cache.Store.EvictedWhileValid, Is.EqualTo(500));
        Assert.That(await cache.GetAsync("k0", CancellationToken.None), Is.Null, "soonest to expire went first");
        Assert.That(await cache.GetAsync("k499", CancellationToken.None), Is.Null);
        Assert.That((await cache.GetAsync("k500", CancellationToken.None))?.Value, Is.EqualTo("v500"));
        Assert.That((await cache.GetAsync($"k{Small + 499}", CancellationToken.None))?.Value, Is.EqualTo($"v{Small + 499}"));
    }

    [Test]
    public async Task Expired_tokens_are_swept_by_the_next_write_without_being_read()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryTokenCache(time);
        for (var i = 0; i < 5_000; i++)
            await cache.SetAsync($"k{i}", new CachedToken("v", time.GetUtcNow().AddMinutes(1)), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));

        await cache.SetAsync("fresh", new CachedToken("v", time.GetUtcNow().AddMinutes(1)), CancellationToken.None);
        Assert.That(cache.Count, Is.EqualTo(1));
        Assert.That(cache.Store.EvictedWhileValid, Is.Zero);
    }

    [Test]
    public async Task Overwriting_a_key_keeps_one_entry_with_the_new_expiry()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryTokenCache(time, capacity: 2);
        await cache.SetAsync("a", new CachedToken("1", time.GetUtcNow().AddMinutes(1)), CancellationToken.None);
        await cache.SetAsync("a", new CachedToken("2", time.GetUtcNow().AddMinutes(30)), CancellationToken.None);
        await cache.SetAsync("b", new CachedToken("3", time.GetUtcNow().AddMinutes(10)), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.That(cache.Count, Is.EqualTo(2));
        Assert.That((await cache.GetAsync("a", CancellationToken.None))?.Value, Is.EqualTo("2"));
        await cache.RemoveAsync("a", CancellationToken.None);
        Assert.That(await cache.GetAsync("a", CancellationToken.None), Is.Null);
        Assert.That(cache.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task State_store_work_per_issue_is_flat_from_1k_to_100k_states()
    {
        var small = await StateStoreWorkPerCall(Small);
        var big = await StateStoreWorkPerCall(Big);
        TestContext.Out.WriteLine($"state store: {small:0.0} units/issue at {Small:N0} states, {big:0.0} at {Big:N0}");
        Assert.That(big, Is.LessThan(small * 2.5));
        Assert.That(big, Is.LessThan(100));
    }

    private static async Task<double> StateStoreWorkPerCall(int states)
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryAuthorizationStateStore(time, TimeSpan.FromHours(1), capacity: states);
        for (var i = 0; i < states; i++) await store.IssueAsync("s", CancellationToken.None);
        var before = store.Store.Work;
        for (var i = 0; i < Probe; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var state = await store.IssueAsync("s", CancellationToken.None);
            if (i % 2 == 0) await store.ConsumeAsync(state, "s", CancellationToken.None);
        }
        Assert.That(store.Count, Is.LessThanOrEqualTo(states));
        return (store.Store.Work - before) / (double)Probe;
    }

    [Test]
    public async Task A_full_state_store_drops_the_oldest_state()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryAuthorizationStateStore(time, TimeSpan.FromMinutes(10), capacity: Small);
        var first = await store.IssueAsync("s", CancellationToken.None);
        string last = "";
        for (var i = 0; i < Small; i++) last = await store.IssueAsync("s", CancellationToken.None);

        Assert.That(store.Count, Is.EqualTo(Small));
        var dropped = Assert.ThrowsAsync<AuthorizationStateException>(async () => await store.ConsumeAsync(first, "s", CancellationToken.None));
        Assert.That(dropped!.Failure, Is.EqualTo(AuthorizationStateFailure.Unknown));
        await store.ConsumeAsync(last, "s", CancellationToken.None);
    }

    [Test]
    public void Retry_budget_forgets_sellers_idle_for_two_windows_and_keeps_active_ones()
    {
        var time = new FakeTimeProvider();
        var options = new RetryHandlerOptions { BudgetWindow = TimeSpan.FromSeconds(10), BudgetRatio = 0, BudgetMinRetriesPerSecond = 0.1 };
        var budget = new RetryBudget(options, time);
        for (var i = 0; i < 10_000; i++) budget.RecordCall($"seller-{i}");
        Assert.That(budget.TrackedSellers, Is.EqualTo(10_000));

        // "active" spends its whole budget (0.1/s x 10 s = 1 retry) at 9 s and keeps calling across two rotations.
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.That(budget.TryRetry("active"), Is.True);
        time.Advance(TimeSpan.FromSeconds(3));
        budget.RecordCall("active");
        Assert.That(budget.TryRetry("active"), Is.False, "the retry 3 s ago still counts after the rotation: the window was carried over");
        time.Advance(TimeSpan.FromSeconds(9));
        budget.RecordCall("active");
        time.Advance(TimeSpan.FromSeconds(3));
        budget.RecordCall("active");

        Assert.That(budget.TrackedSellers, Is.EqualTo(1), "10,000 sellers idle for two windows are forgotten");
        Assert.That(budget.TryRetry("active"), Is.True, "the retry 15 s ago left the window");
        Assert.That(budget.Current("seller-1"), Is.EqualTo((0, 0)));
    }
}
