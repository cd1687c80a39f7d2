using SpApi.Sandbox.Routing;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Routing;

public class PathTemplateTests
{
    [Test]
    public void Matches_and_decodes_path_values_keeping_escaped_slashes_inside_a_value()
    {
        var template = new PathTemplate("/listings/2021-08-01/items/{sellerId}/{sku}");
        var values = template.Match("/listings/2021-08-01/items/A1/SKU%2F1%20x");
        Assert.That(values, Is.Not.Null);
        Assert.That(values!["sku"], Is.EqualTo("SKU/1 x"));
        Assert.That(template.Match("/listings/2021-08-01/items/A1"), Is.Null);
        Assert.That(template.Match("/listings/2021-08-01/items/A1/")!["sku"], Is.Empty, "an empty value arrives as a trailing slash");
        Assert.That(template.Match("/listings/2021-08-01/items/A1/x/y"), Is.Null);
    }

    [Test]
    public void Generic_resource_paths_match_placeholders_only_where_the_template_has_parameters()
    {
        var template = new PathTemplate("/orders/v0/orders/{orderId}/address");
        Assert.That(template.MatchesResourcePath("/orders/v0/orders/{orderId}/address", out var generic) && generic, Is.True);
        Assert.That(template.MatchesResourcePath("/orders/v0/orders/123-1/address", out generic) && !generic, Is.True);
        Assert.That(template.MatchesResourcePath("/orders/v0/{x}/123-1/address", out _), Is.False);
    }

    [Test]
    public void The_router_prefers_literal_segments_over_parameters()
    {
        var router = new OperationRouter(TestModels.Cases.Operations);
        Assert.That(router.Match("GET", "/orders/v0/orders/123/orderItems")!.Operation.OperationId, Is.EqualTo("getOrderItems"));
        Assert.That(router.Match("GET", "/orders/v0/orders/123/orderItems/buyerInfo")!.Operation.OperationId, Is.EqualTo("getOrderItemsBuyerInfo"));
        Assert.That(router.Match("GET", "/orders/v0/orders/123")!.Operation.OperationId, Is.EqualTo("getOrder"));
        Assert.That(router.Match("DELETE", "/orders/v0/orders/123"), Is.Null);
        Assert.That(router.PathExists("/orders/v0/orders/123"), Is.True);
        Assert.That(router.Match("GET", "/sellers/v1/account/")!.Operation.OperationId, Is.EqualTo("getAccount"), "a stray trailing slash is ignored");
        Assert.That(router.Match("GET", "/catalog/2022-04-01/items/")!.Operation.OperationId, Is.EqualTo("getCatalogItem"), "empty asin");
    }
}
