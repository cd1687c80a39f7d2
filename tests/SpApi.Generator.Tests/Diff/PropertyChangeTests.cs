using Newtonsoft.Json.Linq;
using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

public class PropertyChangeTests
{
    [Test]
    public void An_optional_response_property_is_non_breaking_and_reported_once_per_operation_where_it_lives()
    {
        var report = DiffFixture.Diff(m => m.Properties("Order")["PurchaseDate"] = JObject.Parse("""{ "type": "string", "format": "date-time" }"""));

        var changes = report.Each(ChangeKind.PropertyAdded, "Order.PurchaseDate: added, optional string(date-time) (response)", breaking: false);
        Assert.That(changes.Select(c => c.OperationId), Is.EquivalentTo(new[] { "getOrder", "createOrder" }));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Minor));
    }

    [TestCase("CreateOrderRequest", true, TestName = "A new required request property is breaking")]
    [TestCase("Order", false, TestName = "A new required response property is non-breaking")]
    public void New_required_property(string definition, bool breaking)
    {
        var report = DiffFixture.Diff(m =>
        {
            m.Properties(definition)["Currency"] = new JObject { ["type"] = "string" };
            ((JArray)m.Definition(definition)["required"]!).Add("Currency");
        });

        var changes = report.Changes.Where(c => c.Kind == ChangeKind.PropertyAdded).ToList();
        Assert.That(changes, Is.Not.Empty);
        Assert.That(changes.Select(c => c.Breaking), Has.All.EqualTo(breaking));
        Assert.That(changes[0].Detail, Does.StartWith($"{definition}.Currency: added, required string"));
    }

    [Test]
    public void A_removed_response_property_is_breaking()
    {
        var report = DiffFixture.Diff(m => m.Properties("Order").Remove("Total"));

        report.Each(ChangeKind.PropertyRemoved, "Order.Total: removed (number) (response)", breaking: true);
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Major));
    }

    [Test]
    public void A_removed_request_property_is_breaking()
    {
        var report = DiffFixture.Diff(m => m.Properties("CreateOrderRequest").Remove("Note"));

        Assert.That(report.Single(ChangeKind.PropertyRemoved), Has.Property("Breaking").True.And.Property("Detail").EqualTo("CreateOrderRequest.Note: removed (string) (request)"));
    }

    [Test]
    public void A_property_type_change_is_breaking()
    {
        var report = DiffFixture.Diff(m => m.Properties("Order")["Total"] = new JObject { ["$ref"] = "#/definitions/Address" });

        report.Each(ChangeKind.PropertyChanged, "Order.Total: type number -> Address (response)", breaking: true);
    }

    [Test]
    public void A_format_change_changes_the_CSharp_type_and_is_breaking()
    {
        var report = DiffFixture.Diff(m => m.Properties("OrderItem")["Quantity"]!["format"] = "int64");

        report.Each(ChangeKind.PropertyChanged, "OrderItem.Quantity: type integer(int32) -> integer(int64) (response)", breaking: true);
    }

    [TestCase("CreateOrderRequest", "Note", true, true, TestName = "Request property optional to required is breaking")]
    [TestCase("CreateOrderRequest", "Sku", false, false, TestName = "Request property required to optional is non-breaking")]
    [TestCase("Order", "Total", true, false, TestName = "Response property optional to required is non-breaking")]
    [TestCase("Order", "OrderId", false, true, TestName = "Response property required to optional is breaking")]
    public void Required_change(string definition, string property, bool nowRequired, bool breaking)
    {
        var report = DiffFixture.Diff(m =>
        {
            var required = (JArray)m.Definition(definition)["required"]!;
            if (nowRequired) required.Add(property);
            else required.Single(r => (string)r! == property).Remove();
        });

        var changes = report.Changes.Where(c => c.Kind == ChangeKind.PropertyChanged).ToList();
        Assert.That(changes, Is.Not.Empty);
        Assert.That(changes.Select(c => c.Breaking), Has.All.EqualTo(breaking));
        Assert.That(changes[0].Detail, Does.StartWith($"{definition}.{property}: {(nowRequired ? "optional -> required" : "required -> optional")}"));
    }

    [Test]
    public void A_definition_used_by_request_and_response_of_one_operation_is_reported_once_with_the_stricter_rule()
    {
        var report = DiffFixture.Diff(m =>
        {
            m.Properties("Address")["PostalCode"] = new JObject { ["type"] = "string" };
            m.Definition("Address")["required"] = new JArray("PostalCode");
        });

        var createOrder = report.Changes.Single(c => c.Kind == ChangeKind.PropertyAdded && c.OperationId == "createOrder");
        Assert.That(createOrder.Detail, Is.EqualTo("Address.PostalCode: added, required string (request and response)"));
        Assert.That(createOrder.Breaking, Is.True, "callers building the request must now set it");
        var getOrder = report.Changes.Single(c => c.Kind == ChangeKind.PropertyAdded && c.OperationId == "getOrder");
        Assert.That(getOrder.Breaking, Is.False, "getOrder only reads addresses");
    }

    [Test]
    public void A_property_named_description_is_an_API_property_not_documentation()
    {
        var report = DiffFixture.Diff(m => m.Properties("OrderItem")["description"] = new JObject { ["type"] = "string" });

        Assert.That(report.Changes.Where(c => c.Kind == ChangeKind.PropertyAdded).Select(c => c.Detail),
            Has.All.EqualTo("OrderItem.description: added, optional string (response)"));
    }

    [Test]
    public void Inline_objects_are_walked_with_a_dotted_path()
    {
        var report = DiffFixture.Diff(m => m.Properties("Order")["Items"] = JObject.Parse(
            """{ "type": "array", "items": { "$ref": "#/definitions/OrderItem" } }"""));
        Assert.That(report.Changes, Is.Empty, "same schema, nothing to report");

        var before = DiffFixture.Model();
        before.Properties("Order")["Buyer"] = JObject.Parse("""{ "type": "object", "properties": { "Email": { "type": "string" } } }""");
        var after = (JObject)before.DeepClone();
        after.Properties("Order")["Buyer"]!["properties"]!["Name"] = new JObject { ["type"] = "string" };

        var nested = DiffFixture.Compare(before, after);

        Assert.That(nested.Changes.Where(c => c.Kind == ChangeKind.PropertyAdded).Select(c => c.Detail),
            Has.All.EqualTo("Order.Buyer.Name: added, optional string (response)"));
    }

    [Test]
    public void Recursive_definitions_are_compared_without_looping()
    {
        var before = DiffFixture.Model();
        before.Properties("OrderItem")["Children"] = JObject.Parse("""{ "type": "array", "items": { "$ref": "#/definitions/OrderItem" } }""");
        var after = (JObject)before.DeepClone();
        after.Properties("OrderItem")["Gift"] = new JObject { ["type"] = "boolean" };

        var report = DiffFixture.Compare(before, after);

        Assert.That(report.Changes.Count(c => c.Kind == ChangeKind.PropertyAdded && c.OperationId == "getOrder"), Is.EqualTo(1));
    }

    [Test]
    public void AllOf_parts_contribute_their_properties()
    {
        var before = DiffFixture.Model();
        before.Definitions()["Filter"] = JObject.Parse("""{ "allOf": [ { "$ref": "#/definitions/Address" }, { "type": "object", "properties": { "Kind": { "type": "string" } } } ] }""");
        before.Definitions()["Extra"] = JObject.Parse("""{ "type": "object", "properties": { "Tracking": { "type": "string" } } }""");
        before.Properties("CreateOrderRequest")["Filter"] = new JObject { ["$ref"] = "#/definitions/Filter" };
        var after = (JObject)before.DeepClone();
        ((JArray)after.Definition("Filter")["allOf"]!).Add(new JObject { ["$ref"] = "#/definitions/Extra" });

        var report = DiffFixture.Compare(before, after);

        var change = report.Single(ChangeKind.PropertyAdded);
        Assert.That(change, Has.Property("OperationId").EqualTo("createOrder").And.Property("Detail").EqualTo("Filter.Tracking: added, optional string (request)"));
    }

    [Test]
    public void A_success_response_that_loses_its_body_is_breaking_and_one_that_gains_a_body_is_not()
    {
        var removed = DiffFixture.Diff(m => ((JObject)m.CreateOrder()["responses"]!["201"]!).Remove("schema"));
        Assert.That(removed.Single(ChangeKind.PropertyChanged), Has.Property("Breaking").True.And.Property("Detail").EqualTo("response 201 body removed"));

        var added = DiffFixture.Compare(Without201Schema(), DiffFixture.Model());
        Assert.That(added.Single(ChangeKind.PropertyChanged), Has.Property("Breaking").False.And.Property("Detail").EqualTo("response 201 body added"));
    }

    [Test]
    public void A_changed_response_type_is_breaking()
    {
        var report = DiffFixture.Diff(m => m.GetOrder()["responses"]!["200"]!["schema"] = new JObject { ["$ref"] = "#/definitions/Order" });

        Assert.That(report.Single(ChangeKind.PropertyChanged), Has.Property("Breaking").True.And.Property("Detail").EqualTo("response 200: type GetOrderResponse -> Order (response)"));
    }

    [Test]
    public void A_definition_no_operation_uses_is_still_compared_without_an_operation()
    {
        var report = DiffFixture.Diff(m => m.Properties("Unused").Remove("Flag"));

        var change = report.Single(ChangeKind.PropertyRemoved);
        Assert.That(change, Has.Property("OperationId").Null.And.Property("Breaking").True.And.Property("Detail").EqualTo("Unused.Flag: removed (boolean) (request and response)"));
    }

    private static JObject Without201Schema()
    {
        var model = DiffFixture.Model();
        ((JObject)model.CreateOrder()["responses"]!["201"]!).Remove("schema");
        return model;
    }
}
