using Newtonsoft.Json.Linq;
using SpApi.Cli.Tests.Support;

namespace SpApi.Cli.Tests.Commands;

public class OperationsPaginationTests
{
    [Test]
    public async Task Operations_json_marks_paginated_operations_with_their_tokens()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("operations", "--json");
        var ops = JArray.Parse(stdout);

        Assert.That(exit, Is.EqualTo(0));
        var getOrders = ops.Single(o => o.Value<string>("modelFile") == "ordersV0.json" && o.Value<string>("operationId") == "getOrders");
        Assert.That(JToken.DeepEquals(getOrders["pagination"], JObject.Parse("""{"requestToken":"NextToken","responseToken":"payload.NextToken"}""")), Is.True, getOrders["pagination"]?.ToString());
        var getOrder = ops.Single(o => o.Value<string>("modelFile") == "ordersV0.json" && o.Value<string>("operationId") == "getOrder");
        Assert.That(getOrder["pagination"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That(getOrder.Value<string>("description"), Is.Not.Empty);
        Assert.That(ops.Count(o => o["pagination"]!.Type == JTokenType.Object), Is.EqualTo(73));
    }
}
