namespace SpApi.Cli.Bench;

/// <summary>One seller's request count as the client sent it and as the sandbox attributed it (by the token used).</summary>
public sealed record SellerCount(string SellerId, long Sent, long Seen)
{
    public bool Matches => Sent == Seen;
}

internal static class SellerCountComparison
{
    /// <summary>
    /// Every seller either side knows of, in order. A sandbox bucket no client seller sent to (e.g. unauthenticated
    /// requests) and client requests the sandbox did not attribute to their seller both show up as differences.
    /// </summary>
    public static IReadOnlyList<SellerCount> Compare(IReadOnlyDictionary<string, long> sent, IReadOnlyDictionary<string, long> seen) =>
        sent.Keys.Union(seen.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new SellerCount(id, sent.GetValueOrDefault(id), seen.GetValueOrDefault(id)))
            .ToArray();
}
