using SpApi.Runtime;

namespace SpApi.Auth.RateLimiting;

/// <summary>
/// Identity of one usage-plan bucket. Amazon keeps a bucket per selling partner, application, region and
/// operation; the application is fixed per client, the region is the endpoint the request goes to.
/// </summary>
/// <remarks>A class, not a struct: a struct key makes the dictionary's code compile per key type at start-up (about 25
/// methods, even in ReadyToRun images); a class key shares the framework's precompiled code, for one small allocation.</remarks>
internal sealed record BucketKey(string Seller, string Endpoint, string Operation)
{
    /// <summary>Builds the key from the request's typed options and its endpoint (scheme, host, port; never the path).</summary>
    public static BucketKey For(HttpRequestMessage request, OperationMetadata operation) =>
        new(request.GetSeller() ?? "", EndpointOf(request), operation.Key);

    public static string EndpointOf(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Authority) : "";
}
