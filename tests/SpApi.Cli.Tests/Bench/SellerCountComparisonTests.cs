using SpApi.Cli.Bench;

namespace SpApi.Cli.Tests.Bench;

public class SellerCountComparisonTests
{
    [Test]
    public void Sellers_known_to_either_side_are_compared_and_unknown_buckets_count_as_differences()
    {
        var sent = new Dictionary<string, long> { ["B"] = 3, ["A"] = 2, ["C"] = 1 };
        var seen = new Dictionary<string, long> { ["A"] = 2, ["B"] = 2, ["(unauthenticated)"] = 1 };

        var counts = SellerCountComparison.Compare(sent, seen);

        Assert.That(counts, Is.EqualTo(new[]
        {
            new SellerCount("(unauthenticated)", 0, 1),
            new SellerCount("A", 2, 2),
            new SellerCount("B", 3, 2),
            new SellerCount("C", 1, 0),
        }));
        Assert.That(counts.Count(c => !c.Matches), Is.EqualTo(3));
    }
}
