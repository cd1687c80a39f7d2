using Newtonsoft.Json;
using SpApi.Runtime.Json;

namespace SpApi.Runtime.Tests;

public class SpApiJsonTests
{
    private sealed class Order
    {
        [JsonProperty("AmazonOrderId", Required = Required.Always)] public string AmazonOrderId { get; set; } = null!;
        [JsonProperty("Total")] public int Total { get; set; }
    }

    [Test]
    public void SerializerFor_gives_one_serializer_per_settings_instance()
    {
        var settings = SpApiJson.CreateSettings();
        var other = SpApiJson.CreateSettings();

        Assert.That(SpApiJson.SerializerFor(settings), Is.SameAs(SpApiJson.SerializerFor(settings)));
        Assert.That(SpApiJson.SerializerFor(other), Is.Not.SameAs(SpApiJson.SerializerFor(settings)));
    }

    [Test]
    public void SerializerFor_reads_with_the_settings_given()
    {
        using var reader = new JsonTextReader(new StringReader("""{"Total":3}"""));

        var order = SpApiJson.SerializerFor(SpApiJson.CreateSettings()).Deserialize<Order>(reader)!;

        Assert.That(order.Total, Is.EqualTo(3));
        Assert.That(order.AmazonOrderId, Is.Null, "missing required property tolerated, as the SP-API settings say");
    }

    [Test]
    public void SerializerFor_is_safe_to_share_across_threads()
    {
        var serializer = SpApiJson.SerializerFor(SpApiJson.CreateSettings());
        var totals = Enumerable.Range(0, 200).AsParallel().Select(i =>
        {
            using var reader = new JsonTextReader(new StringReader($$"""{"AmazonOrderId":"o{{i}}","Total":{{i}}}"""));
            return serializer.Deserialize<Order>(reader)!.Total;
        }).OrderBy(t => t);

        Assert.That(totals, Is.EqualTo(Enumerable.Range(0, 200)));
    }

    [Test]
    public void SerializerFor_null_is_refused()
    {
        Assert.That(() => SpApiJson.SerializerFor(null!), Throws.ArgumentNullException);
    }
}
