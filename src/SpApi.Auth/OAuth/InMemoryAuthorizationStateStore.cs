using System.Security.Cryptography;
using System.Text;
using SpApi.Auth.Caching;

namespace SpApi.Auth.OAuth;

/// <summary>
/// Process-local <see cref="IAuthorizationStateStore"/>: 256-bit random states, single use, expiring, bounded. Expired
/// states are dropped in expiry order on each issue; when <see cref="Capacity"/> unexpired states are held, issuing one
/// more drops the oldest (its callback then fails as Unknown). Each call costs O(log n).
/// </summary>
public sealed class InMemoryAuthorizationStateStore : IAuthorizationStateStore
{
    /// <summary>Default bound: 100,000 consents in flight within one state lifetime.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly BoundedExpiringStore<byte[]> _states;

    /// <summary>A store whose states live <paramref name="lifetime"/>, holding at most <paramref name="capacity"/> of them.</summary>
    public InMemoryAuthorizationStateStore(TimeProvider timeProvider, TimeSpan lifetime, int capacity = DefaultCapacity)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _lifetime = lifetime;
        _states = new BoundedExpiringStore<byte[]>(capacity);
    }

    /// <summary>Most states held at once.</summary>
    public int Capacity => _states.Capacity;

    /// <summary>States held (expired ones until swept).</summary>
    public int Count => _states.Count;

    internal BoundedExpiringStore<byte[]> Store => _states;

    /// <inheritdoc/>
    public ValueTask<string> IssueAsync(string? binding, CancellationToken cancellationToken)
    {
        if (_lifetime <= TimeSpan.Zero) throw new InvalidOperationException("The state lifetime must be positive.");
        var state = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = _time.GetUtcNow();
        _states.Set(state, Hash(binding), now + _lifetime, now);
        return ValueTask.FromResult(state);
    }

    /// <inheritdoc/>
    public ValueTask ConsumeAsync(string? state, string? binding, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state)) throw new AuthorizationStateException(AuthorizationStateFailure.Missing);
        // Removing first makes the state single-use even when verification then fails; an expired state is
        // still told apart from an unknown one until a later issue sweeps it.
        if (!_states.TryRemove(state, out var bindingHash, out var expiresAt)) throw new AuthorizationStateException(AuthorizationStateFailure.Unknown);
        if (_time.GetUtcNow() >= expiresAt) throw new AuthorizationStateException(AuthorizationStateFailure.Expired);
        if (!CryptographicOperations.FixedTimeEquals(bindingHash, Hash(binding)))
            throw new AuthorizationStateException(AuthorizationStateFailure.BindingMismatch);
        return ValueTask.CompletedTask;
    }

    private static byte[] Hash(string? binding) => SHA256.HashData(Encoding.UTF8.GetBytes(binding ?? ""));
}
