using System.Collections.Concurrent;
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;

namespace SpApi.Auth.Tests.Support;

/// <summary>Counts RDT creations and issues "rdt-{seller}-{n}".</summary>
internal sealed class FakeRdtSource : IRestrictedDataTokenSource
{
    private int _count;

    public ConcurrentQueue<(string Seller, RestrictedResource Resource, string? Target)> Calls { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public Task<RestrictedDataToken> CreateAsync(SellerContext seller, RestrictedResource resource, string? targetApplication, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _count);
        Calls.Enqueue((seller.Name, resource, targetApplication));
        return Task.FromResult(new RestrictedDataToken($"rdt-{seller.Name}-{n}", TimeSpan.FromHours(1)));
    }
}
