using System.Collections.Concurrent;
using SpApi.Auth.Lwa;

namespace SpApi.Auth.Tokens;

/// <summary>
/// Sellers whose refresh token LWA just refused with <c>invalid_grant</c> (revoked or expired authorization).
/// For <see cref="Period"/> (default 30 s) every call for that seller fails at once with <see cref="LwaException"/>,
/// including calls already queued in the rate limiter, instead of waiting for a token only to learn the same thing.
/// After the period the next call asks LWA again (the seller may have re-authorized).
/// </summary>
public sealed class RevokedSellers
{
    /// <summary>How long a refused seller fails fast by default.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(30);

    private sealed record Revocation(LwaException Error, DateTimeOffset Until);

    private readonly ConcurrentDictionary<string, Revocation> _revoked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _watchers = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly string? _defaultSeller;

    /// <param name="time">Clock of the fail-fast period.</param>
    /// <param name="defaultSeller">The seller of calls that name none (so both spellings are failed).</param>
    /// <param name="period">Fail-fast period, from 1 s to 10 minutes; <see cref="DefaultPeriod"/> when null.</param>
    public RevokedSellers(TimeProvider time, string? defaultSeller = null, TimeSpan? period = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _defaultSeller = defaultSeller;
        Period = period ?? DefaultPeriod;
        if (Period < TimeSpan.FromSeconds(1) || Period > TimeSpan.FromMinutes(10))
            throw new ArgumentOutOfRangeException(nameof(period), Period, "The invalid_grant fail-fast period must be from 1 s to 10 minutes.");
    }

    /// <summary>How long calls for a revoked seller fail at once.</summary>
    public TimeSpan Period { get; }

    /// <summary>A new <see cref="LwaException"/> for <paramref name="seller"/> while it is refused, else null.</summary>
    public LwaException? Check(string? seller)
    {
        var key = Key(seller);
        if (!_revoked.TryGetValue(key, out var r)) return null;
        if (_time.GetUtcNow() < r.Until)
            return new LwaException(r.Error.Error,
                $"{r.Error.ErrorDescription ?? "refresh token refused"} (seller '{key}'; failing fast for {Period.TotalSeconds:0} s after LWA refused it)",
                r.Error.StatusCode, r.Error.GrantType);
        _revoked.TryRemove(new KeyValuePair<string, Revocation>(key, r));
        return null;
    }

    /// <summary>Cancelled as soon as <paramref name="seller"/> is refused: queued calls listen to it.</summary>
    public CancellationToken Watch(string? seller) => _watchers.GetOrAdd(Key(seller), _ => new CancellationTokenSource()).Token;

    /// <summary>Records LWA's refusal of <paramref name="seller"/>'s refresh token and wakes its queued calls.</summary>
    public void Revoke(string seller, LwaException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // Key maps an unnamed call to the default seller, so one entry covers both.
        var key = Key(seller);
        _revoked[key] = new Revocation(error, _time.GetUtcNow() + Period);
        Wake(key);
    }

    private void Wake(string key)
    {
        if (!_watchers.TryRemove(key, out var cts)) return;
        cts.Cancel();
        cts.Dispose();
    }

    private string Key(string? seller) => string.IsNullOrEmpty(seller) ? (_defaultSeller ?? "") : seller;
}
