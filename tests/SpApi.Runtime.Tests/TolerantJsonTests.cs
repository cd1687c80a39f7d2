using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using SpApi.Runtime.Json;

namespace SpApi.Runtime.Tests;

/// <summary>Shapes as NSwag/NJsonSchema generate them: Required.Always, StringEnumConverter attributes.</summary>
public class TolerantJsonTests
{
    public enum Status
    {
        [EnumMember(Value = "Pending")] Pending = 0,
        [EnumMember(Value = "Shipped")] Shipped = 1,
    }

    public class Order
    {
        [JsonProperty("AmazonOrderId", Required = Required.Always)] public string AmazonOrderId { get; set; } = null!;
        [JsonProperty("PurchaseDate", Required = Required.Always)] public DateTimeOffset PurchaseDate { get; set; }
        [JsonProperty("LastUpdateDate")] public DateTimeOffset? LastUpdateDate { get; set; }
        [JsonProperty("OrderStatus")][JsonConverter(typeof(StringEnumConverter))] public Status? OrderStatus { get; set; }
        [JsonProperty("Statuses", ItemConverterType = typeof(StringEnumConverter))] public List<Status?>? Statuses { get; set; }
        [JsonProperty("NoConverter")] public Status? NoConverter { get; set; }
    }

    private static Order Read(string json) => JsonConvert.DeserializeObject<Order>(json, SpApiJson.CreateSettings())!;

    [Test]
    public void Missing_required_properties_do_not_fail()
    {
        var o = Read("""{"OrderStatus":"Shipped"}""");
        Assert.That(o.AmazonOrderId, Is.Null);
        Assert.That(o.OrderStatus, Is.EqualTo(Status.Shipped));
    }

    [Test]
    public void Unknown_enum_values_become_null_instead_of_failing_the_response()
    {
        var o = Read("""{"AmazonOrderId":"1","OrderStatus":"PartiallyDelivered","Statuses":["Pending","NewValue"]}""");
        Assert.That(o.AmazonOrderId, Is.EqualTo("1"));
        Assert.That(o.OrderStatus, Is.Null);
        Assert.That(o.Statuses, Is.EqualTo(new Status?[] { Status.Pending, null }));
    }

    [Test]
    public void Iso_dates_keep_their_offset_and_bad_dates_do_not_sink_the_response()
    {
        var o = Read("""{"AmazonOrderId":"1","PurchaseDate":"2024-03-01T10:00:00-08:00","LastUpdateDate":"not a date"}""");
        Assert.That(o.PurchaseDate, Is.EqualTo(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(-8))));
        Assert.That(o.LastUpdateDate, Is.Null);
    }

    [Test]
    public void String_enums_without_a_converter_attribute_still_travel_as_strings()
    {
        var json = JsonConvert.SerializeObject(new Order { AmazonOrderId = "1", NoConverter = Status.Shipped }, SpApiJson.CreateSettings());
        Assert.That(json, Does.Contain("\"NoConverter\":\"Shipped\""));
        Assert.That(Read("""{"NoConverter":"Pending"}""").NoConverter, Is.EqualTo(Status.Pending));
    }

    [Test]
    public void Writing_uses_enum_member_values()
    {
        var json = JsonConvert.SerializeObject(new Order { AmazonOrderId = "1", OrderStatus = Status.Shipped }, SpApiJson.CreateSettings());
        Assert.That(json, Does.Contain("\"OrderStatus\":\"Shipped\""));
    }
}
