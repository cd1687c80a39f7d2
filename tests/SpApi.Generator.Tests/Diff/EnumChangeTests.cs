using Newtonsoft.Json.Linq;
using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

public class EnumChangeTests
{
    [Test]
    public void An_added_enum_value_is_non_breaking()
    {
        var report = DiffFixture.Diff(m => ((JArray)m.Definition("OrderStatus")["enum"]!).Add("Canceled"));

        var changes = report.Each(ChangeKind.EnumValueAdded, "OrderStatus: value Canceled added (response)", breaking: false);
        Assert.That(changes.Select(c => c.OperationId), Is.EquivalentTo(new[] { "getOrder", "createOrder" }));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Minor));
    }

    [Test]
    public void A_removed_enum_value_is_breaking()
    {
        var report = DiffFixture.Diff(m => ((JArray)m.Definition("OrderStatus")["enum"]!)[1].Remove());

        report.Each(ChangeKind.EnumValueRemoved, "OrderStatus: value Shipped removed (response)", breaking: true);
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Major));
    }

    [Test]
    public void Inline_request_enums_are_reported_at_their_property()
    {
        var report = DiffFixture.Diff(m => ((JArray)m.Properties("CreateOrderRequest")["Priority"]!["enum"]!).Add("Urgent"));

        Assert.That(report.Single(ChangeKind.EnumValueAdded), Has.Property("OperationId").EqualTo("createOrder")
            .And.Property("Detail").EqualTo("CreateOrderRequest.Priority: value Urgent added (request)"));
    }

    [Test]
    public void Parameter_enums_are_compared_too()
    {
        var before = DiffFixture.Model();
        before.GetOrder().Parameter("marketplaceId")["enum"] = new JArray("US", "DE");
        var after = (JObject)before.DeepClone();
        ((JArray)after.GetOrder().Parameter("marketplaceId")["enum"]!)[1].Remove();

        var report = DiffFixture.Compare(before, after);

        Assert.That(report.Single(ChangeKind.EnumValueRemoved), Has.Property("Breaking").True.And.Property("Detail").EqualTo("marketplaceId: value DE removed (request)"));
    }

    [Test]
    public void A_plain_string_that_gains_an_enum_becomes_an_enum_type_and_is_breaking()
    {
        var report = DiffFixture.Diff(m => m.Properties("CreateOrderRequest")["Note"]!["enum"] = new JArray("A", "B"));

        Assert.That(report.Single(ChangeKind.PropertyChanged), Has.Property("Breaking").True
            .And.Property("Detail").EqualTo("CreateOrderRequest.Note: type string -> string enum (request)"));
    }

    [Test]
    public void Reordered_enum_values_are_not_an_API_change()
    {
        var report = DiffFixture.Diff(m => m.Definition("OrderStatus")["enum"] = new JArray("Shipped", "Pending"));

        Assert.That(report.ApiKinds(), Is.Empty);
        Assert.That(report.Single(ChangeKind.DocumentationChanged).Detail, Is.EqualTo("definition OrderStatus: re-ordered, no API change"));
    }
}
