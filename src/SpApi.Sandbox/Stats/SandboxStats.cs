using System.Collections.Concurrent;
using SpApi.Sandbox.Auth;

namespace SpApi.Sandbox.Stats;

/// <summary>Live counters of a running sandbox (thread-safe). <see cref="Snapshot"/> is what <c>GET /_sandbox/stats</c> returns.</summary>
public sealed class SandboxStats
{
    /// <summary>Seller bucket for requests made with a grantless (client_credentials) token.</summary>
    public const string GrantlessSeller = "(grantless)";

    /// <summary>Seller bucket for requests without a valid token.</summary>
    public const string UnauthenticatedSeller = "(unauthenticated)";

    private readonly ConcurrentDictionary<string, long> _grants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _grantsBySeller = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _requestsByOperation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _requestsBySeller = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _faultsByKind = new(StringComparer.Ordinal);
    private long _rdtIssued;
    private long _requests;
    private long _throttled;
    private long _unauthorized;
    private long _unmatched;

    internal void TokenGranted(string grantKind, string? sellerId)
    {
        _grants.AddOrUpdate(grantKind, 1, (_, n) => n + 1);
        if (sellerId is not null) _grantsBySeller.AddOrUpdate(sellerId, 1, (_, n) => n + 1);
    }

    internal void RdtIssued() => Interlocked.Increment(ref _rdtIssued);

    internal void Request(string operationKey, string seller)
    {
        Interlocked.Increment(ref _requests);
        _requestsByOperation.AddOrUpdate(operationKey, 1, (_, n) => n + 1);
        _requestsBySeller.AddOrUpdate(seller, 1, (_, n) => n + 1);
    }

    internal void Throttled() => Interlocked.Increment(ref _throttled);
    internal void Unauthorized() => Interlocked.Increment(ref _unauthorized);
    internal void Unmatched() => Interlocked.Increment(ref _unmatched);
    internal void Fault(string kind) => _faultsByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>The counters at this moment.</summary>
    public SandboxStatsSnapshot Snapshot()
    {
        var grants = GrantKind.All.ToDictionary(k => k, k => _grants.GetValueOrDefault(k), StringComparer.Ordinal);
        var faults = Sorted(_faultsByKind);
        return new SandboxStatsSnapshot(
            grants, Sorted(_grantsBySeller), Interlocked.Read(ref _rdtIssued),
            Interlocked.Read(ref _requests), Sorted(_requestsByOperation), Sorted(_requestsBySeller),
            Interlocked.Read(ref _throttled), faults.Values.Sum(), faults,
            Interlocked.Read(ref _unauthorized), Interlocked.Read(ref _unmatched));
    }

    private static SortedDictionary<string, long> Sorted(ConcurrentDictionary<string, long> source) =>
        new(source.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
}
