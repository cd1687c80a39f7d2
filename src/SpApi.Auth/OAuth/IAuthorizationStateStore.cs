namespace SpApi.Auth.OAuth;

/// <summary>
/// Issues and verifies the OAuth <c>state</c> that protects the authorization callback against CSRF: random,
/// single use, expiring, optionally bound to the caller's session. Replace the in-memory default with a shared
/// store when several servers handle callbacks.
/// </summary>
public interface IAuthorizationStateStore
{
    /// <summary>A new state; <paramref name="binding"/> (e.g. a session id) must be presented again to use it.</summary>
    ValueTask<string> IssueAsync(string? binding, CancellationToken cancellationToken);

    /// <summary>Verifies and uses up a state; throws <see cref="AuthorizationStateException"/> when refused.</summary>
    ValueTask ConsumeAsync(string? state, string? binding, CancellationToken cancellationToken);
}
