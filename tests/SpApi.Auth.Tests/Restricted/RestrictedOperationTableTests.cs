using SpApi.Auth.Restricted;
using SpApi.Auth.Tests.Support;

namespace SpApi.Auth.Tests.Restricted;

public class RestrictedOperationTableTests
{
    private static RestrictedOperationTable Table => RestrictedOperationTable.Default;

    [TestCase("ordersV0.json", "getOrders", "buyerInfo,shippingAddress")]
    [TestCase("ordersV0.json", "getOrder", "buyerInfo,shippingAddress")]
    [TestCase("ordersV0.json", "getOrderItems", "buyerInfo")]
    [TestCase("ordersV0.json", "getOrderAddress", "")]
    [TestCase("ordersV0.json", "getOrderBuyerInfo", "")]
    [TestCase("ordersV0.json", "getOrderItemsBuyerInfo", "")]
    [TestCase("ordersV0.json", "getOrderRegulatedInfo", "")]
    [TestCase("merchantFulfillmentV0.json", "createShipment", "")]
    [TestCase("merchantFulfillmentV0.json", "getShipment", "")]
    [TestCase("merchantFulfillmentV0.json", "cancelShipment", "")]
    [TestCase("shipping.json", "getShipment", "")]
    [TestCase("easyShip_2022-03-23.json", "createScheduledPackageBulk", "")]
    [TestCase("shipmentInvoicingV0.json", "getShipmentDetails", "")]
    [TestCase("vendorDirectFulfillmentOrdersV1.json", "getOrders", "")]
    [TestCase("vendorDirectFulfillmentOrders_2021-12-28.json", "getOrder", "")]
    [TestCase("vendorDirectFulfillmentShippingV1.json", "getShippingLabels", "")]
    [TestCase("vendorDirectFulfillmentShippingV1.json", "getPackingSlip", "")]
    [TestCase("vendorDirectFulfillmentShipping_2021-12-28.json", "getCustomerInvoices", "")]
    public void Default_ListsTheDocumentedRestrictedOperations(string modelFile, string operationId, string dataElements)
    {
        var row = Table.Find(modelFile, operationId);

        Assert.That(row, Is.Not.Null);
        Assert.That(row!.Path, Is.EqualTo(RestrictedPathKind.Generic));
        var alsoLwa = modelFile == "ordersV0.json" && operationId is "getOrders" or "getOrder" or "getOrderItems";
        Assert.That(row.Use, Is.EqualTo(alsoLwa ? RestrictedDataTokenUse.ForPersonalData : RestrictedDataTokenUse.Always));
        Assert.That(string.Join(",", row.DataElements), Is.EqualTo(dataElements));
    }

    [Test]
    public void ReportDocument_IsSpecificPathAndOnRequest()
    {
        var row = Table.Find("reports_2021-06-30.json", "getReportDocument");
        Assert.That(row?.Path, Is.EqualTo(RestrictedPathKind.Specific));
        Assert.That(row?.Use, Is.EqualTo(RestrictedDataTokenUse.WhenRequested));
    }

    [Test]
    public void Orders20260101_NeedsNoRdt()
    {
        Assert.That(Table.Find(Ops.SearchOrders2026), Is.Null);
        Assert.That(Table.Find("orders_2026-01-01.json", "getOrder"), Is.Null);
    }

    [Test]
    public void OrdinaryOperations_AreNotRestricted()
    {
        Assert.That(Table.Find(Ops.ConfirmShipment), Is.Null);
        Assert.That(Table.Find("ordersV0.json", "updateShipmentStatus"), Is.Null);
    }

    [Test]
    public void Lookup_IgnoresFoldersInTheModelFile()
    {
        Assert.That(Table.Find("models/orders-api-model/ordersV0.json", "getOrders"), Is.Not.Null);
    }

    [Test]
    public void UserFile_ReplacesTheTable()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"restricted-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "operations": [ { "operation": "ordersV0.json#getOrders", "path": "generic", "dataElements": ["shippingAddress"] } ] }""");
        try
        {
            var table = RestrictedOperationTable.Load(path);
            Assert.That(table.Operations, Has.Count.EqualTo(1));
            Assert.That(table.Find(Ops.GetOrders)!.DataElements, Is.EqualTo(new[] { "shippingAddress" }));
            Assert.That(table.Find(Ops.GetOrder), Is.Null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void WithAndWithout_AdjustACopy()
    {
        var adjusted = Table.Without("ordersV0.json", "getOrders")
            .With(new RestrictedOperation("custom.json", "getThing", RestrictedPathKind.Specific, []));

        Assert.That(adjusted.Find(Ops.GetOrders), Is.Null);
        Assert.That(adjusted.Find("custom.json", "getThing"), Is.Not.Null);
        Assert.That(Table.Find(Ops.GetOrders), Is.Not.Null, "the default is unchanged");
    }

    [Test]
    public void A_file_declares_use_roles_and_roles_per_data_element()
    {
        var table = RestrictedOperationTable.FromJson("""
            {
              "dataElementRoles": { "buyerInfo": ["Role A", "Role B"] },
              "operations": [
                { "operation": "a.json#list", "path": "generic", "dataElements": ["buyerInfo"], "use": "pii" },
                { "operation": "a.json#pii", "path": "specific", "roles": ["Role C"] }
              ]
            }
            """, "my.json");
        var list = table.Find("a.json", "list")!;
        var pii = table.Find("a.json", "pii")!;
        Assert.That(list.Use, Is.EqualTo(RestrictedDataTokenUse.ForPersonalData));
        Assert.That(list.AnswersLwaToken, Is.True);
        Assert.That(pii.Use, Is.EqualTo(RestrictedDataTokenUse.Always), "always is the default");
        Assert.That(pii.AnswersLwaToken, Is.False);
        Assert.That(table.RolesFor(list, list.DataElements), Is.EqualTo(new[] { "Role A", "Role B" }));
        Assert.That(table.RolesFor(pii, []), Is.EqualTo(new[] { "Role C" }));
        Assert.That(table.With(new RestrictedOperation("b.json", "x", RestrictedPathKind.Generic, [])).DataElementRoles, Contains.Key("buyerInfo"),
            "adjusted copies keep the roles");
    }

    [TestCase("""{ "operations": [ { "operation": "noHash", "path": "generic" } ] }""", "operations[0]: 'operation' must be 'modelFile#operationId'")]
    [TestCase("""{ "operations": [ { "operation": "a.json#b", "path": "sometimes" } ] }""", "'path' must be 'generic' or 'specific'")]
    [TestCase("""{ "operations": [ { "operation": "a.json#b", "path": "generic", "use": "never" } ] }""", "'use' must be 'always', 'pii' or 'requested'")]
    [TestCase("""{ "rows": [] }""", "missing the 'operations' array")]
    [TestCase("""{ not json""", "not valid JSON")]
    public void BadFiles_FailNamingTheProblem(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => RestrictedOperationTable.FromJson(json, "my.json"));
        Assert.That(e!.Message, Does.StartWith("my.json").And.Contain(expected));
    }

    [Test]
    public void DuplicateRows_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => RestrictedOperationTable.FromJson(
            """{ "operations": [ { "operation": "a.json#b", "path": "generic" }, { "operation": "a.json#b", "path": "specific" } ] }"""));
    }

    [Test]
    public void Shipped_table_is_built_only_when_a_listed_operation_is_looked_up()
    {
        var table = RestrictedOperationTable.Shipped();

        Assert.That(table.Find("sellers.json", "getMarketplaceParticipations"), Is.Null);
        Assert.That(table.IsLoaded, Is.False, "an operation the table does not list is answered by the generated check");
        Assert.That(table.Find("ordersV0.json", "getOrders")?.Use, Is.EqualTo(RestrictedDataTokenUse.ForPersonalData));
        Assert.That(table.IsLoaded, Is.True);
    }

    [Test]
    public void Generated_check_lists_exactly_the_rows_of_the_shipped_table()
    {
        var rows = RestrictedOperationTable.Shipped().Operations.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var listed = SpApi.Clients.SpApiOperationCatalog.Instance.All.Select(OperationKey.Of)
            .Where(SpApi.Clients.GeneratedRestrictedOperations.Lists).ToHashSet(StringComparer.Ordinal);

        Assert.That(rows.All(SpApi.Clients.GeneratedRestrictedOperations.Lists), Is.True, "every row is listed");
        Assert.That(listed.IsSubsetOf(rows), Is.True, "no operation is listed without a row");
        Assert.That(SpApi.Clients.GeneratedRestrictedOperations.Lists("sellers.json#getMarketplaceParticipations"), Is.False);
    }
}
