using System.Text;
using Newtonsoft.Json;
using SpApi.Cli.Bench;
using SpApi.Orders.V0;
using SpApi.Runtime.Json;
using SpApi.Sellers.V1;

namespace SpApi.Cli.Tests.Bench;

public class BenchPayloadsTests
{
    private static T Read<T>(byte[] json) =>
        JsonConvert.DeserializeObject<T>(Encoding.UTF8.GetString(json), SpApiJson.CreateSettings())!;

    [Test]
    public void OrdersJson_IsAPageOfOneHundredOrdersOfAboutThreeHundredKilobytes()
    {
        var json = BenchPayloads.OrdersJson;
        var page = Read<GetOrdersResponse>(json);

        Assert.That(json.Length, Is.InRange(250_000, 350_000));
        Assert.That(page.Payload.Orders, Has.Count.EqualTo(BenchPayloads.OrderCount));
        Assert.That(page.Payload.Orders.Select(o => o.AmazonOrderId).Distinct().Count(), Is.EqualTo(BenchPayloads.OrderCount), "order ids are distinct");
        Assert.That(page.Payload.Orders, Has.All.Matches<Order>(o => o.AmazonOrderId != null && o.PurchaseDate != null && o.LastUpdateDate != null), "required fields are never left out");
        Assert.That(page.Payload.Orders.Select(o => o.OrderStatus).Distinct().Count(), Is.GreaterThan(1), "enum values vary");
    }

    [Test]
    public void MarketplaceParticipationsJson_IsSmallAndComplete()
    {
        var json = BenchPayloads.MarketplaceParticipationsJson;
        var response = Read<GetMarketplaceParticipationsResponse>(json);

        Assert.That(json.Length, Is.LessThan(2048));
        Assert.That(response.Payload, Has.Count.EqualTo(3));
        Assert.That(response.Payload, Has.All.Matches<MarketplaceParticipation>(p => p.Marketplace.Id != null && p.Participation != null));
    }

    [Test]
    public void ModelSampleFiller_GivesTheSameObjectEveryTime()
    {
        var settings = SpApiJson.CreateSettings();
        var first = JsonConvert.SerializeObject(new ModelSampleFiller(1, 3, 8).Create<Order>(), settings);
        var second = JsonConvert.SerializeObject(new ModelSampleFiller(1, 3, 8).Create<Order>(), settings);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.Contain("\"AmazonOrderId\":\"113-"));
    }

    [Test]
    public void ModelSampleFiller_OmitEvery_LeavesOutOptionalFieldsOnly()
    {
        var full = new ModelSampleFiller(1, 3).Create<Order>();
        var sparse = new ModelSampleFiller(1, 3, omitEvery: 2).Create<Order>();
        var settings = SpApiJson.CreateSettings();

        Assert.That(JsonConvert.SerializeObject(sparse, settings).Length, Is.LessThan(JsonConvert.SerializeObject(full, settings).Length));
        Assert.That(sparse.AmazonOrderId, Is.Not.Null, "required");
        Assert.That(sparse.PurchaseDate, Is.Not.Null, "required");
    }

    [Test]
    public void ForPath_UnknownPath_IsNull()
    {
        Assert.That(BenchPayloads.ForPath("/orders/v0/orders/123"), Is.Null);
        Assert.That(BenchPayloads.ForPath(BenchPayloads.OrdersPath), Is.SameAs(BenchPayloads.OrdersJson));
    }
}
