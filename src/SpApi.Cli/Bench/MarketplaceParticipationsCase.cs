using SpApi.Sellers.V1;

namespace SpApi.Cli.Bench;

/// <summary>The small response: getMarketplaceParticipations (three marketplaces, under 2 KB).</summary>
internal sealed class MarketplaceParticipationsCase(BenchTransport transport, TimeProvider time)
    : OverheadCase<SellersClient, GetMarketplaceParticipationsResponse>(transport, time, http => new SellersClient(http))
{
    public override string Operation => "getMarketplaceParticipations";

    protected override string RelativeUrl => "sellers/v1/marketplaceParticipations";

    protected override Task<GetMarketplaceParticipationsResponse> CallAsync(SellersClient client, CancellationToken cancellationToken) =>
        client.GetMarketplaceParticipationsAsync(cancellationToken);
}
