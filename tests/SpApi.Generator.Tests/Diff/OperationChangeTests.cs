using Newtonsoft.Json.Linq;
using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

public class OperationChangeTests
{
    [Test]
    public void Identical_models_have_no_changes_and_need_no_bump()
    {
        var report = DiffFixture.Diff(_ => { });

        Assert.That(report.Changes, Is.Empty);
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.None));
        Assert.That((report.From, report.To), Is.EqualTo(("old", "new")));
    }

    [Test]
    public void An_added_model_file_lists_the_file_and_each_operation_as_non_breaking()
    {
        var report = ModelDiffer.Compare(DiffFixture.Set("old"), DiffFixture.Set("new", (DiffFixture.File, DiffFixture.Model())));

        var file = report.Single(ChangeKind.ModelFileAdded);
        Assert.That(file, Has.Property("ModelFile").EqualTo(DiffFixture.File).And.Property("OperationId").Null.And.Property("Breaking").False);
        Assert.That(file.Detail, Does.Contain("Test Orders v1").And.Contain("2 operations"));
        var operations = report.Changes.Where(c => c.Kind == ChangeKind.OperationAdded).ToList();
        Assert.That(operations.Select(c => c.OperationId), Is.EquivalentTo(new[] { "getOrder", "createOrder" }));
        Assert.That(operations.Select(c => c.Breaking), Has.All.False);
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Minor));
    }

    [Test]
    public void A_removed_model_file_and_its_operations_are_breaking()
    {
        var report = ModelDiffer.Compare(DiffFixture.Set("old", (DiffFixture.File, DiffFixture.Model())), DiffFixture.Set("new"));

        Assert.That(report.Single(ChangeKind.ModelFileRemoved).Breaking, Is.True);
        var operations = report.Changes.Where(c => c.Kind == ChangeKind.OperationRemoved).ToList();
        Assert.That(operations.Select(c => c.OperationId), Is.EquivalentTo(new[] { "getOrder", "createOrder" }));
        Assert.That(operations.Select(c => c.Breaking), Has.All.True);
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Major));
    }

    [Test]
    public void An_added_operation_is_non_breaking_and_a_minor_bump()
    {
        var report = DiffFixture.Diff(m => ((JObject)m["paths"]!["/orders/v1/orders/{orderId}"]!)["delete"] = JObject.Parse(
            """{ "operationId": "cancelOrder", "parameters": [ { "name": "orderId", "in": "path", "required": true, "type": "string" } ], "responses": { "204": { "description": "Gone" } } }"""));

        var change = report.Single(ChangeKind.OperationAdded);
        Assert.That(change, Has.Property("OperationId").EqualTo("cancelOrder").And.Property("Breaking").False);
        Assert.That(change.Detail, Is.EqualTo("DELETE /orders/v1/orders/{orderId}"));
        Assert.That(report.ApiKinds(), Is.EqualTo(new[] { ChangeKind.OperationAdded }));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Minor));
    }

    [Test]
    public void A_removed_operation_is_breaking_and_a_major_bump()
    {
        var report = DiffFixture.Diff(m => ((JObject)m["paths"]!).Remove("/orders/v1/orders"));

        var change = report.Single(ChangeKind.OperationRemoved);
        Assert.That(change, Has.Property("OperationId").EqualTo("createOrder").And.Property("Breaking").True);
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Major));
    }

    [Test]
    public void A_renamed_operationId_renames_the_CSharp_method_so_it_is_a_removal_plus_an_addition()
    {
        var report = DiffFixture.Diff(m => m.CreateOrder()["operationId"] = "submitOrder");

        Assert.That(report.Single(ChangeKind.OperationRemoved), Has.Property("OperationId").EqualTo("createOrder").And.Property("Breaking").True);
        Assert.That(report.Single(ChangeKind.OperationAdded), Has.Property("OperationId").EqualTo("submitOrder").And.Property("Breaking").False);
    }

    [Test]
    public void A_newly_deprecated_operation_is_reported_as_non_breaking()
    {
        var report = DiffFixture.Diff(m => m.GetOrder()["deprecated"] = true);

        var change = report.Single(ChangeKind.OperationDeprecated);
        Assert.That(change, Has.Property("OperationId").EqualTo("getOrder").And.Property("Breaking").False);
        Assert.That(report.ApiKinds(), Is.EqualTo(new[] { ChangeKind.OperationDeprecated }));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Minor));
    }

    [Test]
    public void An_operation_that_is_no_longer_deprecated_is_a_documentation_change()
    {
        var deprecated = DiffFixture.Model();
        deprecated.GetOrder()["deprecated"] = true;

        var report = DiffFixture.Compare(deprecated, DiffFixture.Model());

        Assert.That(report.Single(ChangeKind.DocumentationChanged).Detail, Does.Contain("no longer deprecated"));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Patch));
    }

    [Test]
    public void A_route_change_keeps_the_CSharp_method_but_is_breaking()
    {
        var report = DiffFixture.Diff(m =>
        {
            var paths = (JObject)m["paths"]!;
            var item = paths["/orders/v1/orders"]!;
            paths.Remove("/orders/v1/orders");
            paths["/orders/v2/orders"] = item;
        });

        var change = report.Single(ChangeKind.PathTemplateChanged);
        Assert.That(change.OperationId, Is.EqualTo("createOrder"));
        Assert.That(change.Breaking, Is.True);
        Assert.That(change.Detail, Does.Contain("POST /orders/v1/orders -> POST /orders/v2/orders"));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Major));
    }

    [Test]
    public void A_quote_added_to_a_path_template_is_breaking_not_documentation()
    {
        var report = DiffFixture.Diff(m =>
        {
            var paths = (JObject)m["paths"]!;
            var item = paths["/orders/v1/orders"]!;
            paths.Remove("/orders/v1/orders");
            paths["/orders/v1/orders\"); System.Environment.Exit(42); //"] = item;
        });

        Assert.That(report.Single(ChangeKind.PathTemplateChanged).Breaking, Is.True);
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Major));
    }

    [Test]
    public void Operations_sharing_an_operationId_are_told_apart_by_method()
    {
        var model = DiffFixture.Model();
        model["paths"]!["/orders/v1/orders"]!["put"] = JObject.Parse("""{ "operationId": "createOrder", "responses": { "200": { "description": "OK" } } }""");
        var edited = (JObject)model.DeepClone();
        edited["paths"]!["/orders/v1/orders"]!["put"]!["deprecated"] = true;

        var report = DiffFixture.Compare(model, edited);

        Assert.That(report.Single(ChangeKind.OperationDeprecated).OperationId, Is.EqualTo("createOrder (PUT)"));
    }

    [Test]
    public void An_operationId_reused_with_the_same_method_is_qualified_by_route()
    {
        var model = DiffFixture.Model();
        model["paths"]!["/orders/v1/archive"] = JObject.Parse("""{ "post": { "operationId": "createOrder", "responses": { "200": { "description": "OK" } } } }""");
        var edited = (JObject)model.DeepClone();
        edited["paths"]!["/orders/v1/archive"]!["post"]!["deprecated"] = true;

        var report = DiffFixture.Compare(model, edited);

        Assert.That(report.Single(ChangeKind.OperationDeprecated).OperationId, Is.EqualTo("createOrder (POST /orders/v1/archive)"));
    }
}
