namespace SpApi.Auth.Resilience;

/// <summary>
/// POST operations that only read (batch lookups, estimates, previews, rate quotes): replaying one after an
/// ambiguous failure cannot create or change anything, so they are retried like GETs. Checked against the
/// 2026-08-05 models; entries are operation keys (<c>modelFile#operationId</c>).
/// </summary>
public static class ReadOnlyPostOperations
{
    /// <summary>The operation keys of read-only POST operations in the pinned models.</summary>
    public static IReadOnlyList<string> Defaults { get; } =
    [
        "productPricingV0.json#getItemOffersBatch",
        "productPricingV0.json#getListingOffersBatch",
        "productPricing_2022-05-01.json#getFeaturedOfferExpectedPriceBatch",
        "productPricing_2022-05-01.json#getCompetitiveSummary",
        "productFeesV0.json#getMyFeesEstimateForSKU",
        "productFeesV0.json#getMyFeesEstimateForASIN",
        "productFeesV0.json#getMyFeesEstimates",
        "merchantFulfillmentV0.json#getEligibleShipmentServices",
        "merchantFulfillmentV0.json#getAdditionalSellerInputs",
        "fulfillmentOutbound_2020-07-01.json#getFulfillmentPreview",
        "fulfillmentOutbound_2026-07-04.json#getOrderPreview",
        "fulfillmentOutbound_2026-07-04.json#getOffers",
        "shipping.json#getRates",
        "shippingV2.json#getRates",
        "replenishment-2022-11-07.json#getSellingPartnerMetrics",
        "replenishment-2022-11-07.json#listOfferMetrics",
        "replenishment-2022-11-07.json#listOffers",
        "aplusContent_2020-11-01.json#validateContentDocumentAsinRelations",
        "services.json#getRangeSlotCapacity",
        "services.json#getFixedSlotCapacity",
        "easyShip_2022-03-23.json#listHandoverSlots",
    ];
}
