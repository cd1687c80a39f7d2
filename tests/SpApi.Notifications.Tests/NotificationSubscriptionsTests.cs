using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using SpApi.Notifications.V1;

namespace SpApi.Notifications.Tests;

/// <summary>The subscription helper drives the generated Notifications client (MockHttp behind it).</summary>
public class NotificationSubscriptionsTests
{
    private static (NotificationSubscriptions Helper, List<(string Path, JObject Body)> Sent) Create(string response)
    {
        var http = new MockHttpMessageHandler();
        var sent = new List<(string, JObject)>();
        http.Fallback.Respond(request =>
        {
            sent.Add((request.RequestUri!.AbsolutePath, JObject.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult())));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response) };
        });
        var client = new NotificationsClient(new HttpClient(http) { BaseAddress = new Uri("https://sellingpartnerapi-na.amazon.com/") });
        return (new NotificationSubscriptions(client), sent);
    }

    [Test]
    public async Task An_sqs_destination_is_created_from_the_queue_arn()
    {
        var (helper, sent) = Create("""{"payload":{"name":"orders","destinationId":"dest-1","resource":{"sqs":{"arn":"arn:aws:sqs:us-east-1:123456789012:spapi"}}}}""");

        var destination = await helper.CreateSqsDestinationAsync("orders", "arn:aws:sqs:us-east-1:123456789012:spapi");

        Assert.That(destination.DestinationId, Is.EqualTo("dest-1"));
        Assert.That(sent.Single().Path, Is.EqualTo("/notifications/v1/destinations"));
        Assert.That(sent.Single().Body.SelectToken("resourceSpecification.sqs.arn")!.Value<string>(), Is.EqualTo("arn:aws:sqs:us-east-1:123456789012:spapi"));
    }

    [Test]
    public async Task An_eventbridge_destination_names_region_and_account()
    {
        var (helper, sent) = Create("""{"payload":{"name":"listings","destinationId":"dest-2","resource":{}}}""");

        await helper.CreateEventBridgeDestinationAsync("listings", "us-east-1", "123456789012");

        Assert.That(sent.Single().Body.SelectToken("resourceSpecification.eventBridge.accountId")!.Value<string>(), Is.EqualTo("123456789012"));
        Assert.That(sent.Single().Body.SelectToken("resourceSpecification.eventBridge.region")!.Value<string>(), Is.EqualTo("us-east-1"));
    }

    [Test]
    public async Task A_subscription_carries_the_processing_directive()
    {
        var (helper, sent) = Create("""{"payload":{"subscriptionId":"sub-1","payloadVersion":"1.0","destinationId":"dest-1"}}""");
        var directive = new ProcessingDirective
        {
            EventFilter = new EventFilter { EventFilterType = EventFilterType.ORDER_CHANGE, MarketplaceIds = new MarketplaceIds { "ATVPDKIKX0DER" } },
        };

        var subscription = await helper.SubscribeAsync("ORDER_CHANGE", "dest-1", "1.0", directive);

        Assert.That(subscription.SubscriptionId, Is.EqualTo("sub-1"));
        Assert.That(sent.Single().Path, Is.EqualTo("/notifications/v1/subscriptions/ORDER_CHANGE"));
        Assert.That(sent.Single().Body.SelectToken("processingDirective.eventFilter.eventFilterType")!.Value<string>(), Is.EqualTo("ORDER_CHANGE"));
        Assert.That(sent.Single().Body.SelectToken("processingDirective.eventFilter.marketplaceIds[0]")!.Value<string>(), Is.EqualTo("ATVPDKIKX0DER"));
    }

    [TestCase("not-an-arn")]
    [TestCase("arn:aws:sns:us-east-1:123456789012:topic")]
    public void A_bad_queue_arn_is_refused_before_anything_is_sent(string arn)
    {
        var (helper, sent) = Create("{}");
        Assert.ThrowsAsync<ArgumentException>(() => helper.CreateSqsDestinationAsync("orders", arn));
        Assert.That(sent, Is.Empty);
    }

    [Test]
    public void A_success_without_payload_is_a_clear_error()
    {
        var (helper, _) = Create("{}");
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => helper.SubscribeAsync("ORDER_CHANGE", "dest-1"));
        Assert.That(e!.Message, Does.Contain("createSubscription"));
    }
}
