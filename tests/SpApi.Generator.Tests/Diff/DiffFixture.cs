using Newtonsoft.Json.Linq;
using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

/// <summary>
/// A small Orders-like model (two operations, request and response schemas, a shared definition, enums, a usage
/// plan) and helpers that diff it against an edited copy, so each test states only its edit.
/// </summary>
internal static class DiffFixture
{
    public const string File = "orders-api-model/ordersTest.json";

    public const string Json = """
    {
      "swagger": "2.0",
      "info": { "title": "Test Orders", "version": "v1", "description": "For tests." },
      "paths": {
        "/orders/v1/orders/{orderId}": {
          "get": {
            "operationId": "getOrder",
            "description": "Returns an order.\n\n**Usage Plan:**\n\n| Rate (requests per second) | Burst |\n| ---- | ---- |\n| 0.5 | 30 |\n\nMore text.",
            "parameters": [
              { "name": "orderId", "in": "path", "required": true, "type": "string" },
              { "name": "includeItems", "in": "query", "required": false, "type": "boolean" },
              { "name": "marketplaceId", "in": "query", "required": false, "type": "string", "maxLength": 20 }
            ],
            "responses": {
              "200": { "description": "OK", "schema": { "$ref": "#/definitions/GetOrderResponse" } },
              "400": { "description": "Bad request", "schema": { "$ref": "#/definitions/ErrorList" } }
            }
          }
        },
        "/orders/v1/orders": {
          "post": {
            "operationId": "createOrder",
            "description": "Creates an order.",
            "parameters": [
              { "name": "body", "in": "body", "required": true, "schema": { "$ref": "#/definitions/CreateOrderRequest" } }
            ],
            "responses": {
              "201": { "description": "Created", "schema": { "$ref": "#/definitions/Order" } }
            }
          }
        }
      },
      "definitions": {
        "GetOrderResponse": { "type": "object", "properties": { "payload": { "$ref": "#/definitions/Order" } } },
        "Order": {
          "type": "object",
          "required": [ "OrderId" ],
          "properties": {
            "OrderId": { "type": "string", "description": "The order identifier." },
            "OrderStatus": { "$ref": "#/definitions/OrderStatus" },
            "Total": { "type": "number" },
            "Items": { "type": "array", "items": { "$ref": "#/definitions/OrderItem" } },
            "ShippingAddress": { "$ref": "#/definitions/Address" }
          }
        },
        "OrderStatus": { "type": "string", "enum": [ "Pending", "Shipped" ] },
        "OrderItem": {
          "type": "object",
          "properties": { "Sku": { "type": "string" }, "Quantity": { "type": "integer", "format": "int32" } }
        },
        "Address": { "type": "object", "properties": { "City": { "type": "string" } } },
        "CreateOrderRequest": {
          "type": "object",
          "required": [ "Sku" ],
          "properties": {
            "Sku": { "type": "string", "maxLength": 40 },
            "Note": { "type": "string" },
            "Priority": { "type": "string", "enum": [ "Low", "High" ] },
            "ShippingAddress": { "$ref": "#/definitions/Address" }
          }
        },
        "ErrorList": {
          "type": "object",
          "properties": { "errors": { "type": "array", "items": { "type": "string" } } }
        },
        "Unused": { "type": "object", "properties": { "Flag": { "type": "boolean" } } }
      }
    }
    """;

    public static JObject Model() => JObject.Parse(Json);

    /// <summary>Diffs the fixture against a copy changed by <paramref name="edit"/>.</summary>
    public static ApiChangeReport Diff(Action<JObject> edit)
    {
        var edited = Model();
        edit(edited);
        return Compare(Model(), edited);
    }

    public static ApiChangeReport Compare(JObject before, JObject after) =>
        ModelDiffer.Compare(Set("old", (File, before)), Set("new", (File, after)));

    public static ModelSet Set(string? commit, params (string Path, JObject Document)[] files) =>
        ModelSet.FromJson(commit, files.Select(f => KeyValuePair.Create(f.Path, f.Document.ToString())));

    public static JObject Definitions(this JObject model) => (JObject)model["definitions"]!;

    public static JObject Definition(this JObject model, string name) => (JObject)model["definitions"]![name]!;

    public static JObject Properties(this JObject model, string definition) => (JObject)model.Definition(definition)["properties"]!;

    public static JObject Operation(this JObject model, string path, string method) => (JObject)model["paths"]![path]![method]!;

    public static JObject GetOrder(this JObject model) => model.Operation("/orders/v1/orders/{orderId}", "get");

    public static JObject CreateOrder(this JObject model) => model.Operation("/orders/v1/orders", "post");

    public static JArray Parameters(this JObject operation) => (JArray)operation["parameters"]!;

    public static JObject Parameter(this JObject operation, string name) =>
        operation.Parameters().OfType<JObject>().Single(p => p.Value<string>("name") == name);

    /// <summary>The one change of a kind (fails, listing every change, when there is none or several).</summary>
    public static ModelChange Single(this ApiChangeReport report, ChangeKind kind)
    {
        var matches = report.Changes.Where(c => c.Kind == kind).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), () => $"expected exactly one {kind} in:\n{string.Join("\n", report.Changes)}");
        return matches[0];
    }

    /// <summary>All changes of a kind, asserting there is at least one and each has this detail and classification.</summary>
    public static IReadOnlyList<ModelChange> Each(this ApiChangeReport report, ChangeKind kind, string detail, bool breaking)
    {
        var matches = report.Changes.Where(c => c.Kind == kind).ToList();
        Assert.That(matches, Is.Not.Empty, () => $"expected {kind} in:\n{string.Join("\n", report.Changes)}");
        Assert.That(matches.Select(c => c.Detail), Has.All.EqualTo(detail));
        Assert.That(matches.Select(c => c.Breaking), Has.All.EqualTo(breaking));
        return matches;
    }

    /// <summary>Kinds other than documentation (documentation edits ride along with many edits).</summary>
    public static IReadOnlyList<ChangeKind> ApiKinds(this ApiChangeReport report) =>
        report.Changes.Where(c => c.Kind != ChangeKind.DocumentationChanged).Select(c => c.Kind).ToList();
}
