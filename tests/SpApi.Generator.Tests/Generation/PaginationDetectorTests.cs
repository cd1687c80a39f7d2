using Newtonsoft.Json.Linq;
using SpApi.Generator.Generation;
using SpApi.Generator.Schemas;

namespace SpApi.Generator.Tests.Generation;

public class PaginationDetectorTests
{
    /// <summary>A one-operation model: a query parameter and a success response schema.</summary>
    private static JObject Model(string parameter, JObject response, JObject? definitions = null) => new()
    {
        ["swagger"] = "2.0",
        ["paths"] = new JObject
        {
            ["/things"] = new JObject
            {
                ["get"] = new JObject
                {
                    ["operationId"] = "listThings",
                    ["parameters"] = new JArray(new JObject { ["name"] = parameter, ["in"] = "query", ["type"] = "string" }),
                    ["responses"] = new JObject { ["200"] = new JObject { ["schema"] = response } },
                },
            },
        },
        ["definitions"] = definitions ?? new JObject(),
    };

    private static JObject Str => new() { ["type"] = "string" };
    private static JObject Arr => new() { ["type"] = "array", ["items"] = new JObject { ["type"] = "object" } };
    private static JObject Obj(params (string Name, JObject Schema)[] props) =>
        new() { ["type"] = "object", ["properties"] = new JObject(props.Select(p => new JProperty(p.Name, p.Schema))) };

    [Test]
    public void Finds_any_token_name_at_any_depth_through_refs_and_allOf()
    {
        var model = Model("cursorPageToken", new JObject { ["$ref"] = "#/definitions/Envelope" }, new JObject
        {
            ["Envelope"] = new JObject { ["allOf"] = new JArray(new JObject { ["$ref"] = "#/definitions/Base" }, Obj(("data", Obj(("widgets", Arr), ("meta", Obj(("pagination", Obj(("nextCursorPageToken", Str))))))))) },
            ["Base"] = Obj(("errors", Arr)),
        });

        var shape = PaginationDetector.DetectAll(model)["listThings"];

        Assert.That(shape.Info.RequestToken, Is.EqualTo("cursorPageToken"));
        Assert.That(shape.Info.ResponseToken, Is.EqualTo("data.meta.pagination.nextCursorPageToken"));
    }

    [Test]
    public void Prefers_the_response_token_named_like_the_request_then_next_over_previous()
    {
        var model = Model("pageToken", Obj(("items", Arr), ("previousPageToken", Str), ("nextPageToken", Str)));
        Assert.That(PaginationDetector.DetectAll(model)["listThings"].Info.ResponseToken, Is.EqualTo("nextPageToken"));

        model = Model("NextToken", Obj(("payload", Obj(("nextPageToken", Str), ("NextToken", Str)))));
        Assert.That(PaginationDetector.DetectAll(model)["listThings"].Info.ResponseToken, Is.EqualTo("payload.NextToken"));
    }

    [Test]
    public void The_one_array_beside_the_token_or_its_pagination_object_is_the_item_list()
    {
        var beside = Model("nextToken", Obj(("payload", Obj(("Orders", Arr), ("NextToken", Str)))));
        Assert.That(PaginationDetector.DetectAll(beside)["listThings"].ItemsPath, Is.EqualTo(new[] { "payload", "Orders" }));

        var abovePagination = Model("nextToken", Obj(("reports", Arr), ("warnings", Arr), ("pagination", Obj(("nextToken", Str)))));
        Assert.That(PaginationDetector.DetectAll(abovePagination)["listThings"].ItemsPath, Is.EqualTo(new[] { "reports" }));

        var several = Model("nextToken", Obj(("a", Arr), ("b", Arr), ("nextToken", Str)));
        Assert.That(PaginationDetector.DetectAll(several)["listThings"].ItemsPath, Is.Null);
    }

    [Test]
    public void A_token_parameter_without_a_next_token_in_the_response_is_not_pagination()
    {
        Assert.That(PaginationDetector.DetectAll(Model("nextToken", Obj(("items", Arr)))), Is.Empty);
        Assert.That(PaginationDetector.DetectAll(Model("restrictedDataToken", Obj(("nextToken", Str)))), Is.Empty);
    }

    [TestCase("notifications/OrderChangeNotification.json", "SpApi.Notifications.OrderChange", "OrderChangeNotification")]
    [TestCase("notifications/ListingsItemMfnQuantityChange.json", "SpApi.Notifications.ListingsItemMfnQuantityChange", "ListingsItemMfnQuantityChangeNotification")]
    [TestCase("notifications/ListingsItemIssuesChangeNotification_2023-12-13.json", "SpApi.Notifications.ListingsItemIssuesChangeV2023_12_13", "ListingsItemIssuesChangeNotificationV2023_12_13")]
    [TestCase("reports/accountHealthReport-2020-11-18.json", "SpApi.Reports.AccountHealthV2020_11_18", "AccountHealthReportV2020_11_18")]
    [TestCase("reports/marketplaceAsinPageViewMetrics.json", "SpApi.Reports.MarketplaceAsinPageViewMetrics", "MarketplaceAsinPageViewMetricsReport")]
    [TestCase("feeds/listings-feed-schema-v2.json", "SpApi.Feeds.ListingsV2", "ListingsFeedV2")]
    public void Schema_type_names_come_from_the_file_name(string path, string ns, string type)
    {
        var name = SchemaTypeName.FromPath(path);
        Assert.That((name.Namespace, name.ClassName), Is.EqualTo((ns, type)));
        Assert.That(name.Namespace.Split('.')[^1], Is.Not.EqualTo(name.ClassName));
    }

    [Test]
    public void Schema_quirks_fix_misspelled_refs_boolean_subschemas_and_missing_definitions()
    {
        var schema = JObject.Parse("""
            {"#ref":"#/definitions/A","definitions":{"A":{"type":"object","properties":{"x":{"type":"string"},"gone":false,"any":true,"b":{"$ref":"#/definitions/Missing"}}}}}
            """);

        var applied = SchemaQuirks.Apply(schema);

        Assert.That(schema["$ref"]!.Value<string>(), Is.EqualTo("#/definitions/A"));
        var props = (JObject)schema["definitions"]!["A"]!["properties"]!;
        Assert.That(props["gone"], Is.Null);
        Assert.That(props["any"], Is.InstanceOf<JObject>());
        Assert.That(props["b"]!["$ref"], Is.Null);
        Assert.That(applied["misspelled-ref"] + applied["boolean-subschemas"] + applied["unresolvable-ref"], Is.EqualTo(4));
    }
}
