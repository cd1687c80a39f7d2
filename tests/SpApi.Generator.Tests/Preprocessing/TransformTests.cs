using Newtonsoft.Json.Linq;
using SpApi.Generator.Preprocessing;

namespace SpApi.Generator.Tests.Preprocessing;

public class TransformTests
{
    private static JObject Model(string paths, string definitions = "{}") =>
        JObject.Parse($$"""{"swagger":"2.0","info":{"version":"v1","title":"t"},"paths":{{paths}},"definitions":{{definitions}}}""");

    [Test]
    public void Duplicate_operation_ids_get_the_method_appended_and_remember_the_original()
    {
        var m = Model("""{"/carrierAccounts/{id}":{"put":{"operationId":"linkCarrierAccount","responses":{}},"post":{"operationId":"linkCarrierAccount","responses":{}}}}""");
        Assert.That(new DistinctOperationIds().Apply(m, "shippingV2.json"), Is.EqualTo(1));
        Assert.That(m.SelectToken("paths./carrierAccounts/{id}.put.operationId")!.Value<string>(), Is.EqualTo("linkCarrierAccount"));
        Assert.That(m.SelectToken("paths./carrierAccounts/{id}.post.operationId")!.Value<string>(), Is.EqualTo("linkCarrierAccountPost"));
        Assert.That(m.SelectToken("paths./carrierAccounts/{id}.post.x-spapi-original-operation-id")!.Value<string>(), Is.EqualTo("linkCarrierAccount"));
        Assert.That(new DistinctOperationIds().Apply(m, "shippingV2.json"), Is.Zero, "idempotent");
    }

    [Test]
    public void A_204_loses_its_body_schema_and_other_responses_keep_theirs()
    {
        var m = Model("""{"/s":{"put":{"operationId":"updateSupplySource","responses":{"204":{"description":"ok","schema":{"$ref":"#/definitions/ErrorList"}},"400":{"description":"bad","schema":{"$ref":"#/definitions/ErrorList"}}}}}}""");
        Assert.That(new DropNoContentSchemas().Apply(m, "supplySources.json"), Is.EqualTo(1));
        Assert.That(m.SelectToken("paths./s.put.responses.204.schema"), Is.Null);
        Assert.That(m.SelectToken("paths./s.put.responses.400.schema"), Is.Not.Null);
    }

    [Test]
    public void Other_2xx_schemas_are_merged_into_the_first_as_optional_properties()
    {
        var m = Model(
            """{"/orders":{"post":{"operationId":"createOrder","responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/CreateOrderResponse"}},"202":{"description":"accepted","schema":{"$ref":"#/definitions/CreateOrderAcceptedResponse"}}}}}}""",
            """{"CreateOrderResponse":{"type":"object","required":["order"],"properties":{"order":{"type":"object"}}},"CreateOrderAcceptedResponse":{"type":"object","required":["orderId"],"properties":{"orderId":{"type":"string"},"order":{"type":"string"}}}}""");
        Assert.That(new MergeSuccessResponses().Apply(m, "fulfillmentOutbound_2026-07-04.json"), Is.EqualTo(1));
        var primary = (JObject)m.SelectToken("definitions.CreateOrderResponse")!;
        Assert.That(primary["properties"]!["orderId"]!["type"]!.Value<string>(), Is.EqualTo("string"));
        Assert.That(primary["properties"]!["order"]!["type"]!.Value<string>(), Is.EqualTo("object"), "existing property wins");
        Assert.That(primary["required"]!.Values<string>(), Is.EqualTo(new[] { "order" }), "merged properties stay optional");
        Assert.That(m.SelectToken("paths./orders.post.responses.202.schema.$ref")!.Value<string>(), Is.EqualTo("#/definitions/CreateOrderResponse"));
    }

    [Test]
    public void Inline_enums_and_items_get_names_instead_of_Anonymous()
    {
        var m = Model(
            """{"/reports":{"get":{"operationId":"getReports","parameters":[{"name":"processingStatuses","in":"query","type":"array","items":{"type":"string","enum":["DONE","FATAL"]}}],"responses":{}}}}""",
            """{"OrderItem":{"type":"object"},"OrderItems":{"type":"array","items":{"type":"object","properties":{"orderItemId":{"type":"string"}}}},"SupplySourceList":{"type":"array","items":{"type":"object","properties":{"a":{"type":"string"}}}},"Box":{"type":"object","properties":{"dimensions":{"type":"array","items":{"type":"string","enum":["IN","CM"]}}}}}""");
        Assert.That(new NameInlineTypes().Apply(m, "x.json"), Is.EqualTo(4));
        Assert.That(m.SelectToken("paths./reports.get.parameters[0].items.title")!.Value<string>(), Is.EqualTo("ProcessingStatus"));
        Assert.That(m.SelectToken("definitions.OrderItems.items.title")!.Value<string>(), Is.EqualTo("OrderItemsEntry"), "OrderItem is taken");
        Assert.That(m.SelectToken("definitions.SupplySourceList.items.title")!.Value<string>(), Is.EqualTo("SupplySourceListEntry"));
        Assert.That(m.SelectToken("definitions.Box.properties.dimensions.items.title")!.Value<string>(), Is.EqualTo("BoxDimension"));
    }

    [Test]
    public void Only_listed_path_parameters_keep_their_slashes()
    {
        var m = Model("""{"/uploads/2020-11-01/uploadDestinations/{resource}":{"post":{"operationId":"createUploadDestinationForResource","parameters":[{"name":"resource","in":"path","required":true,"type":"string"},{"name":"marketplaceIds","in":"query","type":"array","items":{"type":"string"}}],"responses":{}}}}""");
        Assert.That(new KeepSlashesInPathParameters().Apply(m, "uploads_2020-11-01.json"), Is.EqualTo(1));
        Assert.That(m.SelectToken("paths.['/uploads/2020-11-01/uploadDestinations/{resource}'].post.parameters[0].x-spapi-keep-slashes")!.Value<bool>(), Is.True);
        var other = Model("""{"/x/{resource}":{"get":{"operationId":"a","parameters":[{"name":"resource","in":"path","required":true,"type":"string"}],"responses":{}}}}""");
        Assert.That(new KeepSlashesInPathParameters().Apply(other, "other.json"), Is.Zero);
    }

    [Test]
    public void Required_enum_and_date_properties_become_nullable_others_stay()
    {
        var m = Model("{}",
            """{"Status":{"type":"string","enum":["A","B"]},"Order":{"type":"object","required":["status","created","id","inlineEnum"],"properties":{"status":{"$ref":"#/definitions/Status"},"created":{"type":"string","format":"date-time"},"id":{"type":"string"},"inlineEnum":{"type":"string","enum":["X"]},"optionalDate":{"type":"string","format":"date"}}}}""");
        Assert.That(new NullableEnumsAndDates().Apply(m, "x.json"), Is.EqualTo(3));
        Assert.That(m.SelectToken("definitions.Order.properties.status.x-nullable")!.Value<bool>(), Is.True);
        Assert.That(m.SelectToken("definitions.Order.properties.created.x-nullable")!.Value<bool>(), Is.True);
        Assert.That(m.SelectToken("definitions.Order.properties.inlineEnum.x-nullable")!.Value<bool>(), Is.True);
        Assert.That(m.SelectToken("definitions.Order.properties.id.x-nullable"), Is.Null);
        Assert.That(m.SelectToken("definitions.Order.properties.optionalDate.x-nullable"), Is.Null, "optional properties are nullable already");
        Assert.That(m.SelectToken("definitions.Order.required")!.Values<string>(), Does.Contain("status"), "the JSON stays required");
    }
}
