using System.Collections.Concurrent;
using SpApi.Runtime;

namespace SpApi.Cli.Bench;

/// <summary>
/// Counts, per seller, the SP-API requests that leave the client (every attempt, RDT calls included). The seller
/// is the one the benchmark meant to call for (<see cref="ActAs"/>), not what the pipeline stamped on the request,
/// so a request the pipeline sent under another seller's token shows up as a difference with the server's counts.
/// </summary>
internal sealed class SellerRequestCounter
{
    /// <summary>Bucket of requests sent outside any <see cref="ActAs"/> scope.</summary>
    public const string Unattributed = "(unattributed)";

    private static readonly AsyncLocal<string?> Intended = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Marks the calls made in this async flow as made for <paramref name="sellerId"/>.</summary>
    public static IDisposable ActAs(string sellerId)
    {
        var previous = Intended.Value;
        Intended.Value = sellerId;
        return new Restore(previous);
    }

    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>The transport stage: counts each request, then sends it with <paramref name="transport"/>.</summary>
    public DelegatingHandler Handler(HttpMessageHandler transport) => new CountingHandler(this) { InnerHandler = transport };

    private void Count(HttpRequestMessage request)
    {
        // Only SP-API operations: the sandbox counts those and not the LWA or admin endpoints.
        if (request.GetOperation() is null) return;
        _counts.AddOrUpdate(Intended.Value ?? Unattributed, 1, (_, n) => n + 1);
    }

    private sealed class CountingHandler(SellerRequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Count(request);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Intended.Value = previous;
    }
}
