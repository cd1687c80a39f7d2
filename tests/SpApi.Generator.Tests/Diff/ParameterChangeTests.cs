using Newtonsoft.Json.Linq;
using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

public class ParameterChangeTests
{
    [TestCase(false, false, TestName = "An added optional parameter is non-breaking")]
    [TestCase(true, true, TestName = "An added required parameter is breaking")]
    public void Added_parameter(bool required, bool breaking)
    {
        var report = DiffFixture.Diff(m => m.GetOrder().Parameters().Add(JObject.FromObject(new { name = "sellerId", @in = "query", required, type = "string" })));

        var change = report.Single(ChangeKind.ParameterAdded);
        Assert.That(change, Has.Property("OperationId").EqualTo("getOrder").And.Property("Breaking").EqualTo(breaking));
        Assert.That(change.Detail, Is.EqualTo($"sellerId (query, {(required ? "required" : "optional")} string)"));
        Assert.That(report.SuggestedBump, Is.EqualTo(breaking ? VersionBump.Major : VersionBump.Minor));
    }

    [Test]
    public void A_removed_parameter_is_breaking()
    {
        var report = DiffFixture.Diff(m => m.GetOrder().Parameter("includeItems").Remove());

        var change = report.Single(ChangeKind.ParameterRemoved);
        Assert.That(change, Has.Property("Breaking").True.And.Property("Detail").EqualTo("includeItems (query)"));
    }

    [Test]
    public void A_parameter_type_change_is_breaking()
    {
        var report = DiffFixture.Diff(m => m.GetOrder().Parameter("includeItems")["type"] = "string");

        var change = report.Single(ChangeKind.ParameterChanged);
        Assert.That(change, Has.Property("Breaking").True.And.Property("Detail").EqualTo("includeItems: type boolean -> string"));
    }

    [Test]
    public void A_parameter_that_becomes_an_array_is_a_type_change()
    {
        var report = DiffFixture.Diff(m =>
        {
            var parameter = m.GetOrder().Parameter("marketplaceId");
            parameter["type"] = "array";
            parameter["items"] = new JObject { ["type"] = "string" };
        });

        Assert.That(report.Single(ChangeKind.ParameterChanged).Detail, Does.Contain("type string -> array<string>"));
    }

    [TestCase("includeItems", true, true, TestName = "An optional parameter that becomes required is breaking")]
    [TestCase("orderId", false, false, TestName = "A required parameter that becomes optional is non-breaking")]
    public void Required_flag_change(string name, bool nowRequired, bool breaking)
    {
        var report = DiffFixture.Diff(m => m.GetOrder().Parameter(name)["required"] = nowRequired);

        var change = report.Changes.Single(c => c.Kind == ChangeKind.ParameterChanged && c.Detail.StartsWith(name + ": ", StringComparison.Ordinal));
        Assert.That(change.Breaking, Is.EqualTo(breaking));
        Assert.That(change.Detail, Is.EqualTo(nowRequired ? $"{name}: optional -> required" : $"{name}: required -> optional"));
    }

    [Test]
    public void A_location_change_keeps_the_method_signature_and_is_non_breaking()
    {
        var report = DiffFixture.Diff(m => m.GetOrder().Parameter("marketplaceId")["in"] = "header");

        var change = report.Single(ChangeKind.ParameterChanged);
        Assert.That(change, Has.Property("Breaking").False.And.Property("Detail").EqualTo("marketplaceId: location query -> header"));
    }

    [Test]
    public void A_constraint_change_is_non_breaking_and_names_the_keyword()
    {
        var report = DiffFixture.Diff(m => m.GetOrder().Parameter("marketplaceId").Remove("maxLength"));

        var change = report.Single(ChangeKind.ParameterChanged);
        Assert.That(change, Has.Property("Breaking").False.And.Property("Detail").EqualTo("marketplaceId: maxLength 20 -> none"));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Minor));
    }

    [Test]
    public void Swapping_two_optional_parameters_changes_positional_binding_and_is_breaking()
    {
        var report = DiffFixture.Diff(m =>
        {
            var parameters = m.GetOrder().Parameters();
            var includeItems = parameters[1];
            includeItems.Remove();
            parameters.Add(includeItems);
        });

        var change = report.Single(ChangeKind.ParameterChanged);
        Assert.That(change.Breaking, Is.True);
        Assert.That(change.Detail, Is.EqualTo("parameter order (orderId, includeItems, marketplaceId) -> (orderId, marketplaceId, includeItems)"));
    }

    [Test]
    public void Moving_a_required_parameter_after_optional_ones_keeps_the_generated_order_and_is_only_reordering()
    {
        var report = DiffFixture.Diff(m =>
        {
            var parameters = m.GetOrder().Parameters();
            var orderId = parameters[0];
            orderId.Remove();
            parameters.Add(orderId);
        });

        Assert.That(report.ApiKinds(), Is.Empty);
        Assert.That(report.Single(ChangeKind.DocumentationChanged).Detail, Does.EndWith("re-ordered, no API change"));
    }

    [Test]
    public void A_body_schema_is_compared_as_a_request_schema()
    {
        var report = DiffFixture.Diff(m => m.Properties("CreateOrderRequest")["GiftWrap"] = new JObject { ["type"] = "boolean" });

        var change = report.Single(ChangeKind.PropertyAdded);
        Assert.That(change, Has.Property("OperationId").EqualTo("createOrder").And.Property("Breaking").False);
        Assert.That(change.Detail, Is.EqualTo("CreateOrderRequest.GiftWrap: added, optional boolean (request)"));
    }

    [Test]
    public void A_body_parameter_of_another_type_is_a_breaking_parameter_change()
    {
        var report = DiffFixture.Diff(m => m.CreateOrder().Parameter("body")["schema"] = new JObject { ["$ref"] = "#/definitions/Order" });

        var change = report.Single(ChangeKind.ParameterChanged);
        Assert.That(change, Has.Property("Breaking").True.And.Property("Detail").EqualTo("body: type CreateOrderRequest -> Order"));
    }

    [Test]
    public void Path_level_parameters_count_as_the_operation_parameters()
    {
        var report = DiffFixture.Diff(m =>
        {
            var item = (JObject)m["paths"]!["/orders/v1/orders/{orderId}"]!;
            var orderId = m.GetOrder().Parameter("orderId");
            orderId.Remove();
            item["parameters"] = new JArray(orderId);
        });

        Assert.That(report.ApiKinds(), Is.Empty, string.Join("\n", report.Changes));
    }

    [Test]
    public void The_same_name_in_two_locations_is_two_parameters()
    {
        var report = DiffFixture.Diff(m => m.GetOrder().Parameters().Add(JObject.FromObject(new { name = "marketplaceId", @in = "header", required = false, type = "string" })));

        Assert.That(report.Single(ChangeKind.ParameterAdded).Detail, Is.EqualTo("marketplaceId (header, optional string)"));
    }

    [Test]
    public void A_parameter_declared_twice_is_a_clear_error()
    {
        var twice = DiffFixture.Model();
        twice.GetOrder().Parameters().Add(twice.GetOrder().Parameter("includeItems").DeepClone());

        var error = Assert.Throws<ModelDiffException>(() => DiffFixture.Compare(DiffFixture.Model(), twice));
        Assert.That(error!.Message, Is.EqualTo($"{DiffFixture.File}: GET /orders/v1/orders/{{orderId}} declares parameter 'includeItems' in query twice."));
    }
}
