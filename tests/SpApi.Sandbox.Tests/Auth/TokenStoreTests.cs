using Microsoft.Extensions.Time.Testing;
using SpApi.Sandbox.Auth;

namespace SpApi.Sandbox.Tests.Auth;

public class TokenStoreTests
{
    [Test]
    public void Issued_tokens_are_unique_and_found_and_expired_ones_are_purged_once_many_are_held()
    {
        var time = new FakeTimeProvider();
        var store = new TokenStore(time);
        IssuedToken Lwa() => new(IssuedTokenKind.Seller, "client", "seller", new HashSet<string>(), time.GetUtcNow() + TimeSpan.FromMinutes(1), []);

        var first = store.Issue("Atza|", Lwa());
        Assert.That(store.Find(first), Is.Not.Null);
        var texts = Enumerable.Range(0, 10_000).Select(_ => store.Issue("Atza|", Lwa())).ToHashSet();
        Assert.That(texts, Has.Count.EqualTo(10_000).And.Not.Contains(first));

        time.Advance(TimeSpan.FromMinutes(2));
        var fresh = store.Issue("Atza|", Lwa());
        Assert.That(store.Find(first), Is.Null, "expired tokens are dropped");
        Assert.That(store.Find(fresh), Is.Not.Null);
    }
}
