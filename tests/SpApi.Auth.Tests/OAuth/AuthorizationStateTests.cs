using Microsoft.Extensions.Time.Testing;
using SpApi.Auth.OAuth;

namespace SpApi.Auth.Tests.OAuth;

public class AuthorizationStateTests
{
    private FakeTimeProvider _time = null!;
    private InMemoryAuthorizationStateStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _store = new InMemoryAuthorizationStateStore(_time, TimeSpan.FromMinutes(10));
    }

    [Test]
    public async Task IssuedState_IsRandomAndVerifiesOnce()
    {
        var states = new List<string>();
        for (var i = 0; i < 100; i++) states.Add(await _store.IssueAsync("session-1", CancellationToken.None));
        Assert.That(states, Is.Unique);
        Assert.That(states, Is.All.Matches<string>(s => s.Length >= 43 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')), "256 bits, URL-safe");

        await _store.ConsumeAsync(states[0], "session-1", CancellationToken.None);
        var replay = Assert.ThrowsAsync<AuthorizationStateException>(async () => await _store.ConsumeAsync(states[0], "session-1", CancellationToken.None));
        Assert.That(replay!.Failure, Is.EqualTo(AuthorizationStateFailure.Unknown));
    }

    [Test]
    public async Task State_Expires()
    {
        var state = await _store.IssueAsync(null, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));

        var e = Assert.ThrowsAsync<AuthorizationStateException>(async () => await _store.ConsumeAsync(state, null, CancellationToken.None));
        Assert.That(e!.Failure, Is.EqualTo(AuthorizationStateFailure.Expired));
    }

    [Test]
    public async Task State_IsBoundToTheSession()
    {
        var state = await _store.IssueAsync("session-1", CancellationToken.None);

        var e = Assert.ThrowsAsync<AuthorizationStateException>(async () => await _store.ConsumeAsync(state, "session-2", CancellationToken.None));
        Assert.That(e!.Failure, Is.EqualTo(AuthorizationStateFailure.BindingMismatch));
        Assert.ThrowsAsync<AuthorizationStateException>(async () => await _store.ConsumeAsync(state, "session-1", CancellationToken.None), "a failed attempt uses the state up");
    }

    [TestCase(null, AuthorizationStateFailure.Missing)]
    [TestCase("", AuthorizationStateFailure.Missing)]
    [TestCase("forged", AuthorizationStateFailure.Unknown)]
    public void MissingOrForgedState_IsRefused(string? state, AuthorizationStateFailure failure)
    {
        var e = Assert.ThrowsAsync<AuthorizationStateException>(async () => await _store.ConsumeAsync(state, null, CancellationToken.None));
        Assert.That(e!.Failure, Is.EqualTo(failure));
    }
}
