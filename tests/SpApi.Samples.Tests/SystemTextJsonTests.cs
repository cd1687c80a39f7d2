using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SpApi.Orders.V2026_01_01;
using SpApi.Runtime.Json;

namespace SpApi.Samples.Tests;

/// <summary>Generated models returned from a minimal API are spelled as SP-API spells them once AddSpApiModels is called.</summary>
public class SystemTextJsonTests
{
    private const string AmazonOrder = """
        {"orderId":"250-1234567-8901234","createdTime":"2024-12-25T02:30:00Z",
         "salesChannel":{"channelName":"AMAZON","marketplaceId":"A1VC38T7YXB528"},
         "fulfillment":{"fulfillmentStatus":"PARTIALLY_SHIPPED","fulfilledBy":"MERCHANT"}}
        """;

    [Test]
    public async Task Minimal_api_writes_wire_names_and_enum_values()
    {
        var order = Newtonsoft.Json.JsonConvert.DeserializeObject<Order>(AmazonOrder, SpApiJson.CreateSettings())!;
        var body = await GetAsync(order, register: true);

        var json = JObject.Parse(body);
        Assert.That(json["orderId"]!.Value<string>(), Is.EqualTo("250-1234567-8901234"));
        Assert.That(json["fulfillment"]!["fulfillmentStatus"]!.Value<string>(), Is.EqualTo("PARTIALLY_SHIPPED"), "the enum's wire value, not a number");
        Assert.That(json["fulfillment"]!["fulfilledBy"]!.Value<string>(), Is.EqualTo("MERCHANT"));
        Assert.That(json["salesChannel"]!["channelName"]!.Value<string>(), Is.EqualTo("AMAZON"));
        Assert.That(json["createdTime"]!.Type, Is.EqualTo(JTokenType.Date).Or.EqualTo(JTokenType.String));
        Assert.That(json.Property("buyer"), Is.Null, "unset optional properties are left out, as Amazon does");
        Assert.That(body, Does.Not.Contain("OrderId").And.Not.Contain("AdditionalProperties"));
    }

    [Test]
    public async Task Without_the_converter_enums_come_out_as_numbers()
    {
        // The problem AddSpApiModels solves (and proof that the test above exercises it).
        var order = Newtonsoft.Json.JsonConvert.DeserializeObject<Order>(AmazonOrder, SpApiJson.CreateSettings())!;
        var json = JObject.Parse(await GetAsync(order, register: false));
        Assert.That(json["fulfillment"]!["fulfillmentStatus"]!.Type, Is.EqualTo(JTokenType.Integer));
    }

    [Test]
    public void Reads_back_what_it_writes_including_enums_in_lists()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web).AddSpApiModels();
        var json = JsonSerializer.Serialize(new[] { IncludedData.BUYER, IncludedData.PACKAGES }, options);
        Assert.That(json, Is.EqualTo("""["BUYER","PACKAGES"]"""));
        Assert.That(JsonSerializer.Deserialize<IncludedData[]>(json, options), Is.EqualTo(new[] { IncludedData.BUYER, IncludedData.PACKAGES }));

        var order = JsonSerializer.Deserialize<Order>(AmazonOrder, options)!;
        Assert.That(order.Fulfillment.FulfillmentStatus, Is.EqualTo(FulfillmentStatus.PARTIALLY_SHIPPED));
        Assert.That(JsonSerializer.Serialize<object?>(null, options), Is.EqualTo("null"));
    }

    private static async Task<string> GetAsync(Order order, bool register)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (register) builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddSpApiModels());
        await using var app = builder.Build();
        app.MapGet("/order", () => order);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient();
            using var response = await http.GetAsync(address + "/order");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            return await response.Content.ReadAsStringAsync();
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
