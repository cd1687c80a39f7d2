using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SpApi.Auth.Tokens;

namespace SpApi.Auth.Tests.Tokens;

public class TokenCacheTests
{
    [Test]
    public void Lifetime_IsExpiresInMinusMargin()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var token = CachedToken.Create("t", TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), now);

        Assert.That(token.ExpiresAt, Is.EqualTo(now.AddMinutes(55)));
        Assert.That(token.IsValidAt(now.AddMinutes(55).AddTicks(-1)), Is.True);
        Assert.That(token.IsValidAt(now.AddMinutes(55)), Is.False);
    }

    [Test]
    public void Lifetime_WhenMarginEatsItAll_IsHalfTheLifetime()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.That(CachedToken.Create("t", TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5), now).ExpiresAt, Is.EqualTo(now.AddMinutes(2)));
    }

    [Test]
    public async Task InMemory_DropsExpiredEntries()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryTokenCache(time);
        await cache.SetAsync("k", new CachedToken("v", time.GetUtcNow().AddMinutes(1)), CancellationToken.None);

        Assert.That((await cache.GetAsync("k", CancellationToken.None))?.Value, Is.EqualTo("v"));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await cache.GetAsync("k", CancellationToken.None), Is.Null);
        Assert.That(cache.Count, Is.Zero);
    }

    [Test]
    public async Task InMemory_SweepsExpiredEntriesWhenLarge()
    {
        var time = new FakeTimeProvider();
        var cache = new InMemoryTokenCache(time);
        for (var i = 0; i < 5000; i++)
            await cache.SetAsync($"report-{i}", new CachedToken("v", time.GetUtcNow().AddMinutes(1)), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));

        await cache.SetAsync("fresh", new CachedToken("v", time.GetUtcNow().AddMinutes(1)), CancellationToken.None);

        Assert.That(cache.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Distributed_RoundTripsAndRemoves()
    {
        var backing = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var cache = new DistributedTokenCache(backing);
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        await cache.SetAsync("k", new CachedToken("value", expires), CancellationToken.None);

        var read = await new DistributedTokenCache(backing).GetAsync("k", CancellationToken.None);
        Assert.That(read?.Value, Is.EqualTo("value"), "a second process sharing the cache sees the token");
        Assert.That(read!.ExpiresAt.ToUnixTimeMilliseconds(), Is.EqualTo(expires.ToUnixTimeMilliseconds()));

        await cache.RemoveAsync("k", CancellationToken.None);
        Assert.That(await cache.GetAsync("k", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Distributed_DamagedEntryIsAMiss()
    {
        var backing = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        await backing.SetStringAsync("k", "not json");
        Assert.That(await new DistributedTokenCache(backing).GetAsync("k", CancellationToken.None), Is.Null);
    }

    [Test]
    public void Keys_SeparateSellersAndHideSecrets()
    {
        var a = TokenCacheKeys.Seller("client", "Atzr|seller-a-DO-NOT-LEAK");
        var b = TokenCacheKeys.Seller("client", "Atzr|seller-b");
        var otherApp = TokenCacheKeys.Seller("other-client", "Atzr|seller-a-DO-NOT-LEAK");

        Assert.That(new[] { a, b, otherApp }, Is.Unique);
        Assert.That(a, Does.Not.Contain("DO-NOT-LEAK"));
        Assert.That(TokenCacheKeys.Grantless("client", "scope"), Is.Not.EqualTo(TokenCacheKeys.Seller("client", "scope")));
    }

    [Test]
    public void RdtKeys_DependOnEveryPartButDataElementOrder()
    {
        string Key(string method = "GET", string path = "/p", string[]? elements = null, string? target = null, string refresh = "r") =>
            TokenCacheKeys.RestrictedData("c", refresh, method, path, elements ?? ["buyerInfo", "shippingAddress"], target);

        Assert.That(Key(elements: ["shippingAddress", "buyerInfo"]), Is.EqualTo(Key()));
        Assert.That(new[] { Key(), Key(method: "POST"), Key(path: "/q"), Key(elements: ["buyerInfo"]), Key(target: "amzn1.app"), Key(refresh: "r2") }, Is.Unique);
    }

    [Test]
    public void CachedToken_ToStringHidesTheToken()
    {
        Assert.That(new CachedToken("Atza|DO-NOT-LEAK", DateTimeOffset.UnixEpoch).ToString(), Does.Not.Contain("DO-NOT-LEAK"));
        Assert.That(new IssuedToken("Atza|DO-NOT-LEAK", TokenKind.Seller, "k").ToString(), Does.Not.Contain("DO-NOT-LEAK"));
    }
}
