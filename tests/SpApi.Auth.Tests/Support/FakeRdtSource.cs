using System.Collections.Concurrent;
using SpApi.Auth.Restricted;
using SpApi.Auth.Sellers;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Support;

/// <summary>Counts RDT creations and issues "rdt-{seller}-{n}", or refuses them as Amazon does an app without roles.</summary>
internal sealed class FakeRdtSource : IRestrictedDataTokenSource
{
    private int _count;

    /// <summary>When true, every request is refused with the Tokens API's 400 for missing roles.</summary>
    public bool RefuseForLackOfRoles { get; set; }

    public static SpApiException Refusal(RestrictedResource resource)
    {
        var message = resource.DataElements.Count > 0
            ? $"Application does not have access to one or more requested data elements: [{string.Join(", ", resource.DataElements)}]"
            : "Application do not have access to some or all requested resource";
        var body = $$"""{"errors":[{"code":"InvalidInput","message":"{{message}}","details":""}]}""";
        return new SpApiException("HTTP 400", 400, body,
            new Dictionary<string, IEnumerable<string>> { ["x-amzn-RequestId"] = ["req-refusal-1"] }, null);
    }

    public ConcurrentQueue<(string Seller, RestrictedResource Resource, string? Target)> Calls { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public Task<RestrictedDataToken> CreateAsync(SellerContext seller, RestrictedResource resource, string? targetApplication, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _count);
        Calls.Enqueue((seller.Name, resource, targetApplication));
        if (RefuseForLackOfRoles) return Task.FromException<RestrictedDataToken>(Refusal(resource));
        return Task.FromResult(new RestrictedDataToken($"rdt-{seller.Name}-{n}", TimeSpan.FromHours(1)));
    }
}
