using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

/// <summary>The diff of Amazon's models from the 2026-06-04 snapshot to the pinned 2026-08-05 one, checked against what changed.</summary>
public class RealSnapshotDiffTests
{
    private static ApiChangeReport _report = null!;

    [OneTimeSetUp]
    public static void Diff() =>
        _report = ModelDiffer.Compare(
            ModelSet.Load(Path.Combine(RepoPaths.Older, "models")),
            ModelSet.Load(Path.Combine(RepoPaths.Pinned, "models")));

    private static IEnumerable<ModelChange> In(string modelFile) => _report.Changes.Where(c => c.ModelFile == modelFile);

    [Test]
    public void Commits_come_from_the_upstream_commit_files()
    {
        Assert.That(_report.From, Is.EqualTo("6ad2ee14835a9aa31889ae5607ea4e1fcc90f3ad"));
        Assert.That(_report.To, Is.EqualTo("34dc93fe45f37c9a0b2e56823c808f68b4f81754"));
    }

    [Test]
    public void Every_file_whose_bytes_differ_is_in_the_report_and_no_other()
    {
        var older = Path.Combine(RepoPaths.Older, "models");
        var newer = Path.Combine(RepoPaths.Pinned, "models");
        var differing = Directory.EnumerateFiles(older, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(older, f))
            .Union(Directory.EnumerateFiles(newer, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(newer, f)))
            .Where(f => !File.Exists(Path.Combine(older, f)) || !File.Exists(Path.Combine(newer, f))
                        || !File.ReadAllBytes(Path.Combine(older, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(newer, f))))
            .Select(f => f.Replace('\\', '/'))
            .ToList();

        Assert.That(differing, Has.Count.EqualTo(16));
        Assert.That(_report.ChangedModelFiles, Is.EquivalentTo(differing));
    }

    [Test]
    public void Three_model_files_are_added_with_all_their_operations()
    {
        Assert.That(_report.Changes.Where(c => c.Kind == ChangeKind.ModelFileAdded).Select(c => c.ModelFile), Is.EquivalentTo(new[]
        {
            "tracking-api-model/tracking_2026-01-30.json",
            "fulfillment-outbound-api-model/fulfillmentOutbound_2026-07-04.json",
            "finances-api-model/financesInvoices_2026-06-25.json",
        }));
        Assert.That(In("tracking-api-model/tracking_2026-01-30.json").Where(c => c.Kind == ChangeKind.OperationAdded).Select(c => c.OperationId),
            Is.EqualTo(new[] { "getShipmentTracking" }));
        Assert.That(In("fulfillment-outbound-api-model/fulfillmentOutbound_2026-07-04.json").Count(c => c.Kind == ChangeKind.OperationAdded), Is.EqualTo(9));
        Assert.That(In("finances-api-model/financesInvoices_2026-06-25.json").Where(c => c.Kind == ChangeKind.OperationAdded).Select(c => c.OperationId),
            Is.EquivalentTo(new[] { "getInvoice", "getInvoiceHeaders" }));
    }

    [TestCase("finances-api-model/finances_2024-06-19.json", "listBalances")]
    [TestCase("finances-api-model/finances_2024-06-19.json", "listSummary")]
    [TestCase("finances-api-model/transfers_2024-06-01.json", "listPayouts")]
    [TestCase("finances-api-model/transfers_2024-06-01.json", "listExpectedPayouts")]
    [TestCase("notifications-api-model/notifications.json", "getSubscriptions")]
    public void Operations_added_to_existing_files(string modelFile, string operationId) =>
        Assert.That(In(modelFile).Where(c => c.Kind == ChangeKind.OperationAdded).Select(c => c.OperationId), Does.Contain(operationId));

    [TestCase("orders-api-model/orders_2026-01-01.json", "getOrder", "ItemCancellation.cancellationExecution: added, optional ItemCancellationExecution (response)")]
    [TestCase("orders-api-model/orders_2026-01-01.json", "searchOrders", "OrderFulfillment.labelPrintingWindow: added, optional DateTimeRange (response)")]
    [TestCase("product-pricing-api-model/productPricing_2022-05-01.json", "getCompetitiveSummary", "Offer.promotions: added, optional Promotions (response)")]
    [TestCase("fulfillment-inbound-api-model/fulfillmentInbound_2024-03-20.json", "listDeliveryWindowOptions", "DeliveryWindowOption.discounts: added, optional array<Incentive> (response)")]
    [TestCase("listings-items-api-model/listingsItems_2021-08-01.json", "getListingsItem", "Issue.marketplaceIds: added, optional array<string> (response)")]
    [TestCase("notifications-api-model/notifications.json", "createSubscription", "EventFilter.trackingIdentifier: added, optional TrackingIdentifier (request and response)")]
    public void Schema_properties_added(string modelFile, string operationId, string detail) =>
        Assert.That(In(modelFile).Where(c => c.Kind == ChangeKind.PropertyAdded && c.OperationId == operationId && !c.Breaking).Select(c => c.Detail),
            Does.Contain(detail));

    [Test]
    public void The_new_notification_event_filter_type_is_an_added_enum_value()
    {
        var change = In("notifications-api-model/notifications.json")
            .Single(c => c.Kind == ChangeKind.EnumValueAdded && c.OperationId == "createSubscription");
        Assert.That(change.Detail, Is.EqualTo("EventFilter.eventFilterType: value SHIPMENT_TRACKING_MILESTONE_CHANGED added (request and response)"));
        Assert.That(change.Breaking, Is.False);
    }

    [Test]
    public void The_relaxed_listings_marketplaceIds_limit_is_a_non_breaking_parameter_change()
    {
        var changes = In("listings-items-api-model/listingsItems_2021-08-01.json").Where(c => c.Kind == ChangeKind.ParameterChanged).ToList();
        Assert.That(changes.Select(c => c.OperationId), Is.EquivalentTo(new[] { "getListingsItem", "searchListingsItems" }));
        Assert.That(changes.Select(c => c.Detail), Has.All.EqualTo("marketplaceIds: maxItems 1 -> none"));
        Assert.That(changes.Select(c => c.Breaking), Has.All.False);
    }

    [Test]
    public void Usage_plans_documented_or_dropped_are_reported()
    {
        var inbound = In("fulfillment-inbound-api-model/fulfillmentInbound_2024-03-20.json").Where(c => c.Kind == ChangeKind.UsagePlanChanged).ToList();
        Assert.That(inbound, Has.Count.EqualTo(40), "45 operations gained a table, 5 of them with placeholder values");
        Assert.That(inbound.Single(c => c.OperationId == "listInboundPlans").Detail, Is.EqualTo("unknown -> 2 req/s, burst 6"));

        var invoices = In("invoices-api-model/InvoicesApiModel_2024-06-19.json").Where(c => c.Kind == ChangeKind.UsagePlanChanged).ToList();
        Assert.That(invoices, Has.Count.EqualTo(10));
        Assert.That(invoices.Single(c => c.OperationId == "getInvoicesAttributes").Detail, Is.EqualTo("1 req/s, burst 1 -> unknown"));
    }

    [TestCase("application-management-api-model/application_2023-11-30.json")]
    [TestCase("finances-api-model/financesV0.json")]
    [TestCase("vendor-orders-api-model/vendorOrders.json")]
    [TestCase("fulfillment-inbound-api-model/fulfillmentInboundV0.json")]
    public void Description_and_formatting_edits_are_documentation_only(string modelFile)
    {
        Assert.That(In(modelFile).Select(c => c.Kind), Is.Not.Empty.And.All.EqualTo(ChangeKind.DocumentationChanged));
    }

    [Test]
    public void Nothing_breaks_so_the_suggested_bump_is_minor()
    {
        Assert.That(_report.Changes.Where(c => c.Breaking), Is.Empty);
        Assert.That(_report.SuggestedBump, Is.EqualTo(VersionBump.Minor));
    }

    [Test]
    public void Going_back_to_the_older_models_is_breaking()
    {
        var back = ModelDiffer.Compare(ModelSet.Load(RepoPaths.Pinned), ModelSet.Load(RepoPaths.Older));

        Assert.That(back.SuggestedBump, Is.EqualTo(VersionBump.Major));
        Assert.That(back.Changes.Single(c => c.Kind == ChangeKind.OperationRemoved && c.OperationId == "getShipmentTracking").Breaking, Is.True);
        Assert.That(back.Changes.Where(c => c.Kind == ChangeKind.ModelFileRemoved).Select(c => c.Breaking).ToList(), Has.Count.EqualTo(3).And.All.True);
        Assert.That(back.Changes.Any(c => c is { Kind: ChangeKind.PropertyRemoved, Breaking: true } && c.Detail.StartsWith("Offer.promotions:", StringComparison.Ordinal)));
        Assert.That(back.Changes.Any(c => c is { Kind: ChangeKind.EnumValueRemoved, Breaking: true, OperationId: "createSubscription" }));
    }
}
