using Newtonsoft.Json.Linq;
using SpApi.Schemas;

namespace SpApi.Notifications.Tests;

public class NotificationReaderTests
{
    private static readonly NotificationReader Reader = NotificationReader.Default;

    [TestCaseSource(typeof(SchemaFiles), nameof(SchemaFiles.NotificationExamples))]
    public void An_sqs_body_of_each_schema_example_reads_to_its_type(string schemaFile, int index, string example)
    {
        var entry = SchemaCatalog.Find(schemaFile)!;
        var n = Reader.ReadSqsBody(example);

        Assert.That(n.Source, Is.EqualTo(NotificationSource.Sqs));
        Assert.That(n.IsKnownType, Is.True);
        Assert.That(n.Document, Is.InstanceOf(entry.RootType));
        Assert.That(n.Schema!.SchemaFile, Is.EqualTo(schemaFile));
        Assert.That(n.NotificationType, Is.EqualTo(Member(JObject.Parse(example), "NotificationType")));
        Assert.That(n.Payload, Is.Not.Null);
    }

    [TestCaseSource(typeof(SchemaFiles), nameof(SchemaFiles.NotificationExamples))]
    public void An_eventbridge_event_of_each_schema_example_reads_to_its_type(string schemaFile, int index, string example)
    {
        var entry = SchemaCatalog.Find(schemaFile)!;
        var type = Member(JObject.Parse(example), "NotificationType");
        var evt = new JObject
        {
            ["version"] = "0",
            ["id"] = "7b7e3f1c-0000-0000-0000-000000000000",
            ["detail-type"] = type,
            ["source"] = "aws.partner/sellingpartnerapi.amazon/amzn1.sellerapps.app.test",
            ["time"] = "2026-01-01T00:00:00Z",
            ["detail"] = JObject.Parse(example),
        };

        var n = Reader.Read(evt.ToString());

        Assert.That(n.Source, Is.EqualTo(NotificationSource.EventBridge));
        Assert.That(n.Document, Is.InstanceOf(entry.RootType));
        Assert.That(n.NotificationType, Is.EqualTo(type));
    }

    [TestCase("B2B_ANY_OFFER_CHANGED", "notifications/B2bAnyOfferChangedNotification.json")]
    [TestCase("FBA_INVENTORY_AVAILABILITY_CHANGES", "notifications/FBAInventoryAvailabilityChangeNotification.json")]
    public void Schemas_without_examples_are_found_by_name(string type, string schemaFile)
    {
        var body = new JObject { ["NotificationVersion"] = "1.0", ["NotificationType"] = type, ["PayloadVersion"] = "1.0", ["EventTime"] = "2026-01-01T00:00:00Z", ["Payload"] = new JObject() }.ToString();

        var n = Reader.Read(body);

        Assert.That(n.Schema?.SchemaFile, Is.EqualTo(schemaFile));
        Assert.That(n.Document, Is.InstanceOf(SchemaCatalog.Find(schemaFile)!.RootType));
    }

    [Test]
    public void The_payload_version_picks_between_schemas_of_one_type()
    {
        var v2023 = Reader.FindSchema("LISTINGS_ITEM_ISSUES_CHANGE", "2023-12-13");
        var v1 = Reader.FindSchema("LISTINGS_ITEM_ISSUES_CHANGE", "1.0");

        Assert.That(v2023!.SchemaFile, Is.EqualTo("notifications/ListingsItemIssuesChangeNotification_2023-12-13.json"));
        Assert.That(v1!.SchemaFile, Is.EqualTo("notifications/ListingsItemIssuesChangeNotification.json"));
    }

    [Test]
    public void An_unknown_type_reads_raw_but_usable()
    {
        var n = Reader.Read("""{"NotificationVersion":"1.0","NotificationType":"BRAND_NEW_THING","PayloadVersion":"3.0","EventTime":"2026-02-03T04:05:06Z","Payload":{"x":[1,2]},"NotificationMetadata":{"NotificationId":"n-1","PublishTime":"2026-02-03T04:05:07Z"}}""");

        Assert.That(n.IsKnownType, Is.False);
        Assert.That(n.Document, Is.Null);
        Assert.That(n.NotificationType, Is.EqualTo("BRAND_NEW_THING"));
        Assert.That(n.EventTime, Is.EqualTo(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero)));
        Assert.That(n.Metadata!.NotificationId, Is.EqualTo("n-1"));
        Assert.That(n.Payload!["x"]![1]!.Value<int>(), Is.EqualTo(2));
    }

    [Test]
    public void Unknown_enum_values_missing_members_and_bad_dates_do_not_break_a_known_type()
    {
        var body = """{"NotificationVersion":"1.0","NotificationType":"ORDER_CHANGE","PayloadVersion":"1.0","EventTime":"not a date","Payload":{"OrderChangeNotification":{"SellerId":"S1","OrderChangeType":"SOMETHING_NEW","Summary":{"OrderStatus":"NOT_A_STATUS","PurchaseDate":"yesterday"}}}}""";

        var n = Reader.Read(body);

        var order = n.As<SpApi.Notifications.OrderChange.OrderChangeNotification>();
        Assert.That(order, Is.Not.Null);
        Assert.That(order!.Payload.OrderChangeNotification.SellerId, Is.EqualTo("S1"));
        Assert.That(n.EventTime, Is.Null);
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("""{"Payload":{}}""")]
    [TestCase("""{"detail-type":"X"}""")]
    public void Text_that_is_no_notification_gets_a_typed_error(string body)
    {
        var e = Assert.Throws<NotificationFormatException>(() => Reader.Read(body));
        Assert.That(e!.Message, Is.Not.Empty);
    }

    [Test]
    public void An_eventbridge_detail_holding_only_the_payload_takes_its_type_from_detail_type()
    {
        var n = Reader.Read("""{"detail-type":"SOME_TYPE","detail":{"a":1}}""");

        Assert.That(n.NotificationType, Is.EqualTo("SOME_TYPE"));
        Assert.That(n.Payload!["a"]!.Value<int>(), Is.EqualTo(1));
    }

    private static string? Member(JObject o, string name) => o.GetValue(name, StringComparison.OrdinalIgnoreCase)?.Value<string>();
}
