using SpApi.Auth.Restricted;

namespace SpApi.Auth.Tests.Restricted;

/// <summary>The decision table of docs/restricted-data.md, row by row.</summary>
public class RestrictedTokenPolicyTests
{
    private static readonly RestrictedOperation PiiOnly = new("ordersV0.json", "getOrderAddress", RestrictedPathKind.Generic, []);
    private static readonly RestrictedOperation AlsoLwa = new("ordersV0.json", "getOrders", RestrictedPathKind.Generic, ["buyerInfo"], RestrictedDataTokenUse.ForPersonalData);
    private static readonly RestrictedOperation OnRequest = new("reports_2021-06-30.json", "getReportDocument", RestrictedPathKind.Specific, [], RestrictedDataTokenUse.WhenRequested);

    private static RestrictedOperation Row(string name) => name switch
    {
        "always" => PiiOnly,
        "pii" => AlsoLwa,
        "requested" => OnRequest,
        _ => throw new ArgumentException(name),
    };

    //        use          asked  auto   roles  refused -> token
    [TestCase("always",    false, true,  false, false, RestrictedTokenChoice.Rdt)]
    [TestCase("always",    false, false, false, false, RestrictedTokenChoice.Lwa)]
    [TestCase("always",    true,  false, false, false, RestrictedTokenChoice.Rdt)]
    [TestCase("always",    false, true,  true,  true,  RestrictedTokenChoice.Rdt)]
    [TestCase("pii",       false, true,  false, false, RestrictedTokenChoice.Lwa)]
    [TestCase("pii",       false, true,  true,  false, RestrictedTokenChoice.RdtOrLwa)]
    [TestCase("pii",       false, true,  true,  true,  RestrictedTokenChoice.Lwa)]
    [TestCase("pii",       false, false, true,  false, RestrictedTokenChoice.Lwa)]
    [TestCase("pii",       true,  true,  false, false, RestrictedTokenChoice.Rdt)]
    [TestCase("pii",       true,  true,  true,  true,  RestrictedTokenChoice.Rdt)]
    [TestCase("requested", false, true,  true,  false, RestrictedTokenChoice.Lwa)]
    [TestCase("requested", true,  true,  false, false, RestrictedTokenChoice.Rdt)]
    public void Decides_the_token(string use, bool asked, bool automatic, bool roles, bool refused, RestrictedTokenChoice expected) =>
        Assert.That(RestrictedTokenPolicy.Decide(Row(use), new RestrictedTokenRequest(asked, automatic, roles, refused)), Is.EqualTo(expected));

    [Test]
    public void Operations_outside_the_table_use_the_lwa_token_whatever_the_call_asks() =>
        Assert.That(RestrictedTokenPolicy.Decide(null, new RestrictedTokenRequest(true, true, true, false)), Is.EqualTo(RestrictedTokenChoice.Lwa));

    [Test]
    public void The_shipped_table_marks_exactly_the_orders_operations_amazon_also_serves_to_an_lwa_token()
    {
        var alsoLwa = RestrictedOperationTable.Default.Operations.Where(o => o.Use == RestrictedDataTokenUse.ForPersonalData).Select(o => o.Key);
        Assert.That(alsoLwa, Is.EquivalentTo(new[] { "ordersV0.json#getOrders", "ordersV0.json#getOrder", "ordersV0.json#getOrderItems" }));
    }

    [Test]
    public void Roles_come_from_the_data_elements_else_from_the_row()
    {
        var table = RestrictedOperationTable.Default;
        var getOrder = table.Find("ordersV0.json", "getOrder")!;
        Assert.That(table.RolesFor(getOrder, ["shippingAddress"]), Is.EqualTo(new[] { "Direct-to-Consumer Delivery (Restricted)" }));
        Assert.That(table.RolesFor(getOrder, ["buyerInfo"]), Does.Contain("Tax Invoicing (Restricted)"));
        Assert.That(table.RolesFor(table.Find("ordersV0.json", "getOrderAddress")!, []), Is.EqualTo(new[] { "Direct-to-Consumer Delivery (Restricted)" }));
        Assert.That(table.RolesFor(table.Find("reports_2021-06-30.json", "getReportDocument")!, []), Is.Empty);
    }
}
