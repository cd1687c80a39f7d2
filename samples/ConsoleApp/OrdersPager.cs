using SpApi.Orders.V2026_01_01;

namespace SpApi.Samples.ConsoleApp;

/// <summary>Every order created after a time, page by page: each response's nextToken asks for the next page.</summary>
public static class OrdersPager
{
    // PII (BUYER, RECIPIENT) comes back only to applications holding the matching restricted roles; no RDT is needed.
    private static readonly IncludedData[] Included =
    [
        IncludedData.BUYER, IncludedData.RECIPIENT, IncludedData.PROCEEDS, IncludedData.EXPENSE,
        IncludedData.PROMOTION, IncludedData.CANCELLATION, IncludedData.FULFILLMENT, IncludedData.PACKAGES,
    ];

    public static async IAsyncEnumerable<(int Page, Order Order)> SearchAsync(IOrdersClient orders, SampleSettings settings, TextWriter log,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? nextToken = null;
        for (var page = 1; page <= settings.MaxPages; page++)
        {
            // Every parameter but paginationToken must be repeated unchanged on the following pages.
            var response = await orders.SearchOrdersAsync(createdAfter: settings.CreatedAfter, marketplaceIds: [settings.MarketplaceId],
                includedData: Included, paginationToken: nextToken, cancellationToken: cancellationToken);
            var next = response.Pagination?.NextToken;
            if (nextToken is not null && next == nextToken)
            {
                // The page we asked for names itself as the next one: a server ignoring paginationToken (the static
                // sandbox does) would keep us here forever. Its orders are the previous page's.
                log.WriteLine($"  page {page} repeats the previous page (nextToken unchanged): stopping.");
                yield break;
            }
            foreach (var order in response.Orders) yield return (page, order);
            nextToken = next;
            if (nextToken is null) yield break;
        }
    }
}
