using Newtonsoft.Json.Linq;
using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

public class DocumentationChangeTests
{
    [Test]
    public void A_property_description_edit_is_documentation_only()
    {
        var report = DiffFixture.Diff(m => m.Properties("Order")["OrderId"]!["description"] = "The Amazon order identifier.");

        var change = report.Single(ChangeKind.DocumentationChanged);
        Assert.That(change, Has.Property("OperationId").Null.And.Property("Breaking").False);
        Assert.That(change.Detail, Is.EqualTo("definition Order: documentation edited (properties.OrderId.description)"));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Patch));
    }

    [Test]
    public void Operation_documentation_edits_name_the_parameter()
    {
        var report = DiffFixture.Diff(m =>
        {
            m.GetOrder()["summary"] = "Get one order";
            m.GetOrder().Parameter("includeItems")["description"] = "Include the items.";
        });

        var change = report.Single(ChangeKind.DocumentationChanged);
        Assert.That(change.OperationId, Is.EqualTo("getOrder"));
        Assert.That(change.Detail, Is.EqualTo("GET /orders/v1/orders/{orderId}: documentation edited (parameters[includeItems].description, summary)"));
    }

    [Test]
    public void Reordered_properties_are_documentation_not_API_changes()
    {
        var report = DiffFixture.Diff(m =>
        {
            var properties = m.Properties("Order");
            var total = properties.Property("Total")!;
            total.Remove();
            properties.AddFirst(total);
        });

        Assert.That(report.ApiKinds(), Is.Empty);
        Assert.That(report.Single(ChangeKind.DocumentationChanged).Detail, Is.EqualTo("definition Order: re-ordered, no API change"));
    }

    [Test]
    public void Vendor_extensions_and_examples_are_documentation()
    {
        var report = DiffFixture.Diff(m =>
        {
            m.GetOrder()["x-amzn-api-internal"] = "INTERNAL_AND_EXTERNAL";
            m.GetOrder()["responses"]!["200"]!["examples"] = JObject.Parse("""{ "application/json": { "payload": {} } }""");
        });

        Assert.That(report.ApiKinds(), Is.Empty);
        Assert.That(report.Single(ChangeKind.DocumentationChanged).Detail, Does.Contain("responses.200.examples").And.Contain("x-amzn-api-internal"));
    }

    [Test]
    public void Response_headers_named_like_extensions_are_kept_as_API_content()
    {
        var before = DiffFixture.Model();
        before.GetOrder()["responses"]!["200"]!["headers"] = JObject.Parse("""{ "x-amzn-RequestId": { "type": "string" } }""");
        var after = (JObject)before.DeepClone();
        after.GetOrder()["responses"]!["200"]!["headers"]!["x-amzn-RequestId"]!["type"] = "integer";

        var report = DiffFixture.Compare(before, after);

        Assert.That(report.Single(ChangeKind.DocumentationChanged).Detail,
            Does.Contain("changed without C# API impact").And.Contain("responses.200.headers.x-amzn-RequestId.type"));
    }

    [Test]
    public void A_formatting_only_edit_is_reported_so_the_new_file_hash_is_explained()
    {
        var before = DiffFixture.Set("old", (DiffFixture.File, DiffFixture.Model()));
        var after = ModelSet.FromJson("new", [KeyValuePair.Create(DiffFixture.File, DiffFixture.Model().ToString(Newtonsoft.Json.Formatting.None))]);

        var report = ModelDiffer.Compare(before, after);

        Assert.That(report.Single(ChangeKind.DocumentationChanged), Has.Property("OperationId").Null.And.Property("Detail").EqualTo("document: formatting only (whitespace), same content"));
    }

    [Test]
    public void Document_header_edits_are_documentation()
    {
        var report = DiffFixture.Diff(m => m["info"]!["description"] = "Edited.");

        Assert.That(report.Single(ChangeKind.DocumentationChanged).Detail, Is.EqualTo("document: documentation edited (info.description)"));
    }

    [Test]
    public void A_newly_declared_error_response_is_documentation()
    {
        var report = DiffFixture.Diff(m => m.GetOrder()["responses"]!["404"] = JObject.Parse("""{ "description": "Not found", "schema": { "$ref": "#/definitions/ErrorList" } }"""));

        Assert.That(report.ApiKinds(), Is.Empty);
        Assert.That(report.Changes.Where(c => c.Kind == ChangeKind.DocumentationChanged).Select(c => c.Detail), Does.Contain("response 404 declared"));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Patch));
    }
}
