using System.Collections.Concurrent;

namespace SpApi.Auth.Restricted;

/// <summary>
/// Remembers, per application and seller, that the Tokens API refused an automatic RDT for lack of restricted roles,
/// for <see cref="Duration"/> (on the given clock), so calls that may use the LWA token stop asking for a while.
/// </summary>
public sealed class RestrictedRoleRefusals(TimeSpan duration, TimeProvider timeProvider)
{
    // Made on the first refusal: most applications never see one, and the dictionary's code is compiled when it is created.
    private ConcurrentDictionary<(string App, string Seller), DateTimeOffset>? _until;

    /// <summary>How long a refusal is remembered.</summary>
    public TimeSpan Duration { get; } = duration > TimeSpan.Zero ? duration
        : throw new ArgumentOutOfRangeException(nameof(duration), duration, "The refusal memory must be positive.");

    /// <summary>True while a refusal of RDTs for this application and seller is remembered.</summary>
    public bool IsRefused(string applicationClientId, string seller) =>
        _until is { } refusals && refusals.TryGetValue((applicationClientId, seller), out var until) && timeProvider.GetUtcNow() < until;

    /// <summary>Records a refusal. True when none was remembered yet (so the caller logs it once per period).</summary>
    public bool Remember(string applicationClientId, string seller)
    {
        var now = timeProvider.GetUtcNow();
        var until = now + Duration;
        var isNew = true;
        LazyInitializer.EnsureInitialized(ref _until, static () => new()).AddOrUpdate((applicationClientId, seller), until, (_, previous) =>
        {
            isNew = previous <= now;
            return until;
        });
        return isNew;
    }
}
