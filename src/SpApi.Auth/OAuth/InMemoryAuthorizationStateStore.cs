using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SpApi.Auth.OAuth;

/// <summary>Process-local <see cref="IAuthorizationStateStore"/>: 256-bit random states, single use, expiring.</summary>
public sealed class InMemoryAuthorizationStateStore(TimeProvider timeProvider, TimeSpan lifetime) : IAuthorizationStateStore
{
    private const int PurgeThreshold = 1024;
    private readonly ConcurrentDictionary<string, Entry> _states = new(StringComparer.Ordinal);

    private sealed record Entry(byte[] BindingHash, DateTimeOffset ExpiresAt);

    /// <inheritdoc/>
    public ValueTask<string> IssueAsync(string? binding, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero) throw new InvalidOperationException("The state lifetime must be positive.");
        if (_states.Count >= PurgeThreshold) PurgeExpired();
        var state = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _states[state] = new Entry(Hash(binding), timeProvider.GetUtcNow() + lifetime);
        return ValueTask.FromResult(state);
    }

    /// <inheritdoc/>
    public ValueTask ConsumeAsync(string? state, string? binding, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state)) throw new AuthorizationStateException(AuthorizationStateFailure.Missing);
        // Removing first makes the state single-use even when verification then fails.
        if (!_states.TryRemove(state, out var entry)) throw new AuthorizationStateException(AuthorizationStateFailure.Unknown);
        if (timeProvider.GetUtcNow() >= entry.ExpiresAt) throw new AuthorizationStateException(AuthorizationStateFailure.Expired);
        if (!CryptographicOperations.FixedTimeEquals(entry.BindingHash, Hash(binding)))
            throw new AuthorizationStateException(AuthorizationStateFailure.BindingMismatch);
        return ValueTask.CompletedTask;
    }

    private void PurgeExpired()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (state, entry) in _states)
            if (now >= entry.ExpiresAt) _states.TryRemove(new KeyValuePair<string, Entry>(state, entry));
    }

    private static byte[] Hash(string? binding) => SHA256.HashData(Encoding.UTF8.GetBytes(binding ?? ""));
}
