using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Cases;

public class SandboxCaseCatalogTests
{
    [Test]
    public void Pinned_models_hold_913_cases_over_56_model_files()
    {
        var cases = TestModels.Cases.Cases;
        Assert.That(cases, Has.Count.EqualTo(913));
        Assert.That(cases.Select(c => c.ModelFile).Distinct().Count(), Is.EqualTo(56));
        Assert.That(TestModels.Cases.Operations, Has.Count.EqualTo(370));
    }

    [Test]
    public void Case_ids_are_unique_and_indexes_count_from_one_per_operation()
    {
        var cases = TestModels.Cases.Cases;
        Assert.That(cases.Select(c => c.Id).Distinct().Count(), Is.EqualTo(cases.Count));
        foreach (var op in TestModels.Cases.Operations.Where(o => o.Cases.Count > 0))
            Assert.That(op.Cases.Select(c => c.Index), Is.EqualTo(Enumerable.Range(1, op.Cases.Count)), op.Key);
    }

    [Test]
    public void A_case_carries_its_operation_parameters_by_location_and_its_response()
    {
        var c = SandboxHarness.Case("ordersV0.json", "getOrders", 1);
        Assert.Multiple(() =>
        {
            Assert.That(c.Method, Is.EqualTo("GET"));
            Assert.That(c.PathTemplate, Is.EqualTo("/orders/v0/orders"));
            Assert.That(c.ExpectedStatus, Is.EqualTo(200));
            Assert.That(c.FindParameter("CreatedAfter")!.Location, Is.EqualTo(ParameterLocation.Query));
            Assert.That(c.FindParameter("CreatedAfter")!.Value.ToString(), Is.EqualTo("TEST_CASE_200"));
            Assert.That(c.FindParameter("MarketplaceIds")!.Definition.IsArray, Is.True);
            Assert.That(c.RequestBody, Is.Null);
            Assert.That(c.ResponseBody!["payload"]!["Orders"], Is.InstanceOf<JArray>());
            Assert.That(c.Quirks, Is.Empty);
        });
    }

    [Test]
    public void The_body_entry_maps_to_the_operation_body_parameter_whatever_its_name()
    {
        var c = SandboxHarness.Case("ordersV0.json", "updateShipmentStatus", 2);
        Assert.That(c.ExpectedStatus, Is.EqualTo(400));
        Assert.That(c.RequestBody!["shipmentStatus"]!.ToString(), Is.EqualTo("ReadyForPickup"));
        Assert.That(c.Operation.BodyParameter!.Name, Is.Not.EqualTo("body"), "the model calls it payload, the case calls it body");
    }

    [Test]
    public void Model_text_is_kept_exact_dates_stay_strings_and_decimals_keep_their_digits()
    {
        var c = SandboxHarness.Case("ordersV0.json", "getOrder", 1);
        var purchaseDate = c.ResponseBody!["payload"]!["PurchaseDate"]!;
        Assert.That(purchaseDate.Type, Is.EqualTo(JTokenType.String));
        Assert.That(purchaseDate.ToString(), Is.EqualTo("1970-01-19T03:58:30Z"));
    }

    [Test]
    public void Upstream_slips_are_read_sensibly_and_recorded_as_quirks()
    {
        var unwrapped = TestModels.Cases.Cases.First(c => c.OperationId == "listHandoverSlots" && c.Quirks.Any(q => q.Contains("without a 'value' wrapper")));
        Assert.That(unwrapped.RequestBody!["amazonOrderId"]!.ToString(), Is.EqualTo("931-2308757-7991048"));

        var stray = TestModels.Cases.Cases.Single(c => c.OperationId == "getFixedSlotCapacity" && c.Quirks.Count > 0);
        Assert.That(stray.RequestBody!["capacityTypes"], Is.Not.Null);
        Assert.That(stray.Quirks.Single(), Does.Contain("resourceId"));

        var noRequest = TestModels.Cases.FindOperation("application_2023-11-30.json", "rotateApplicationClientSecret")!.Cases.Single();
        Assert.That(noRequest.Parameters, Is.Empty);
        Assert.That(noRequest.RequestBody, Is.Null);
    }

    [Test]
    public void Response_headers_of_a_case_are_kept()
    {
        var c = TestModels.Cases.Cases.First(c => c.ResponseHeaders.Count > 0);
        Assert.That(c.ResponseHeaders.ContainsKey("location"), Is.True);
    }

    [Test]
    public void Duplicate_operation_ids_get_the_method_appended_like_the_generated_clients()
    {
        Assert.That(TestModels.Cases.FindOperation("shippingV2.json", "linkCarrierAccount")!.Method, Is.EqualTo("PUT"));
        Assert.That(TestModels.Cases.FindOperation("shippingV2.json", "linkCarrierAccountPost")!.Method, Is.EqualTo("POST"));
    }

    [Test]
    public void Json_files_that_are_not_swagger_models_are_skipped()
    {
        var dir = Directory.CreateTempSubdirectory("models-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "models.lock.json"), """{ "files": [] }""");
            File.WriteAllText(Path.Combine(dir.FullName, "tiny.json"), """
                { "swagger": "2.0", "paths": { "/x/{id}": { "get": { "operationId": "getX",
                  "parameters": [ { "name": "id", "in": "path", "required": true, "type": "string" } ],
                  "responses": { "200": { "x-amzn-api-sandbox": { "static": [
                    { "request": { "parameters": { "id": { "value": "1" } } }, "response": { "ok": true } } ] } } } } } } }
                """);
            var catalog = SandboxCaseCatalog.Load(dir.FullName);
            Assert.That(catalog.Operations.Select(o => o.Key), Is.EqualTo(new[] { "tiny.json#getX" }));
            Assert.That(catalog.Cases.Single().FindParameter("id")!.Value.ToString(), Is.EqualTo("1"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void A_missing_directory_is_a_clear_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-models-" + Guid.NewGuid());
        var e = Assert.Throws<DirectoryNotFoundException>(() => SandboxCaseCatalog.Load(missing));
        Assert.That(e!.Message, Does.Contain(missing).And.Contain("SPAPI_MODELS_DIR"));
    }

    [Test]
    public void A_broken_model_file_is_named_in_the_error()
    {
        var dir = Directory.CreateTempSubdirectory("models-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "broken.json"), "{ \"paths\": ");
            var e = Assert.Throws<InvalidDataException>(() => SandboxCaseCatalog.Load(dir.FullName));
            Assert.That(e!.Message, Does.Contain("broken.json"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
