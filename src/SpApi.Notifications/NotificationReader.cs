using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Schemas;

namespace SpApi.Notifications;

/// <summary>
/// Reads what SP-API delivers into <see cref="SpApiNotification"/>: an SQS message body (the notification
/// envelope: NotificationVersion, NotificationType, PayloadVersion, EventTime, Payload, NotificationMetadata)
/// or an EventBridge event (<c>detail-type</c>, <c>detail</c>). The typed document comes from the generated
/// schema types, matched by NotificationType (and PayloadVersion when several schemas share a type), and is
/// read with the clients' tolerance: an unknown enum value, a missing member or a bad date never fails it.
/// </summary>
public sealed class NotificationReader
{
    /// <summary>Bodies above this size are refused unread (SQS allows 256 KiB; EventBridge 256 KiB).</summary>
    public const int MaxBodyLength = 1024 * 1024;

    private readonly IReadOnlyList<SchemaEntry> _schemas;

    /// <summary>A reader over every pinned notification schema (<see cref="SchemaCatalog.All"/>); <see cref="Default"/> is one.</summary>
    public NotificationReader() : this(SchemaCatalog.All) { }

    /// <param name="schemas">The schemas to type notifications with (the notification ones are used).</param>
    public NotificationReader(IEnumerable<SchemaEntry> schemas)
    {
        _schemas = schemas.Where(s => s.Kind == "notifications").ToArray();
    }

    /// <summary>The shared reader over every pinned notification schema.</summary>
    public static NotificationReader Default { get; } = new();

    /// <summary>Reads an SQS body or an EventBridge event, whichever <paramref name="json"/> is.</summary>
    /// <exception cref="NotificationFormatException">Not JSON, not an object, or no notification type.</exception>
    public SpApiNotification Read(string json)
    {
        var root = Parse(json);
        return root.ContainsKey("detail-type") || root["detail"] is JObject ? FromEventBridge(root) : FromEnvelope(root, NotificationSource.Sqs, null);
    }

    /// <summary>Reads an SQS message body.</summary>
    public SpApiNotification ReadSqsBody(string body) => FromEnvelope(Parse(body), NotificationSource.Sqs, null);

    /// <summary>Reads an EventBridge event.</summary>
    public SpApiNotification ReadEventBridgeEvent(string eventJson) => FromEventBridge(Parse(eventJson));

    /// <summary>The schema describing a notification type (and payload version), or null.</summary>
    public SchemaEntry? FindSchema(string notificationType, string? payloadVersion = null)
    {
        var candidates = _schemas.Where(s => s.NotificationTypes.Contains(notificationType, StringComparer.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
            // Schemas without examples: match on the file name (ORDER_CHANGE ~ OrderChangeNotification.json;
            // a trailing plural, FBA_INVENTORY_AVAILABILITY_CHANGES ~ FBAInventoryAvailabilityChange, too).
            candidates = _schemas.Where(s => NameMatches(s.SchemaFile, notificationType)).ToList();
        return candidates
            .OrderBy(s => payloadVersion is not null && s.PayloadVersions.Contains(payloadVersion, StringComparer.Ordinal) ? 0 : 1)
            .ThenBy(s => s.SchemaFile, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private SpApiNotification FromEventBridge(JObject evt)
    {
        if (evt["detail"] is not JObject detail)
            throw new NotificationFormatException("The EventBridge event has no 'detail' object.");
        var detailType = evt.Value<JToken>("detail-type") is JValue { Type: JTokenType.String } v ? (string?)v : null;
        // The detail is normally the whole notification; if it is only the payload, wrap it.
        if (Member(detail, "NotificationType") is null && Member(detail, "Payload") is null && detailType is not null)
            detail = new JObject { ["NotificationType"] = detailType, ["Payload"] = detail };
        return FromEnvelope(detail, NotificationSource.EventBridge, detailType);
    }

    private SpApiNotification FromEnvelope(JObject root, NotificationSource source, string? fallbackType)
    {
        var type = Text(Member(root, "NotificationType")) ?? fallbackType
            ?? throw new NotificationFormatException("The message has no NotificationType; it is not an SP-API notification.");
        var payloadVersion = Text(Member(root, "PayloadVersion"));
        var schema = FindSchema(type, payloadVersion);
        object? document = null;
        if (schema is not null)
        {
            try { document = SchemaJson.ToObject(root, schema.RootType); }
            // Tolerant settings make this rare; a document that still cannot bind stays raw, never lost.
            catch (JsonException) { document = null; }
        }
        return new SpApiNotification(source, root, type, Text(Member(root, "NotificationVersion")), payloadVersion,
            Date(Member(root, "EventTime")), Metadata(Member(root, "NotificationMetadata") as JObject), Member(root, "Payload"), document is null ? null : schema, document);
    }

    private static NotificationMetadata? Metadata(JObject? m) => m is null ? null : new(
        Text(Member(m, "ApplicationId")), Text(Member(m, "SubscriptionId")), Date(Member(m, "PublishTime")), Text(Member(m, "NotificationId")));

    private static JObject Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBodyLength)
            throw new NotificationFormatException($"The message is {json.Length} characters, above the {MaxBodyLength} accepted.");
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            return JToken.ReadFrom(reader) as JObject ?? throw new NotificationFormatException("The message is JSON but not an object.");
        }
        catch (JsonException e) { throw new NotificationFormatException($"The message is not JSON: {e.Message}", e); }
    }

    private static JToken? Member(JObject o, string name) => o.GetValue(name, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JToken? t) => t is JValue { Value: not null } v && v.Type != JTokenType.Null ? Convert.ToString(v.Value, CultureInfo.InvariantCulture) : null;

    private static DateTimeOffset? Date(JToken? t) =>
        Text(t) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static bool NameMatches(string schemaFile, string notificationType)
    {
        var stem = Normalize(Path.GetFileNameWithoutExtension(schemaFile).Split('_')[0]);
        if (stem.EndsWith("notification", StringComparison.Ordinal)) stem = stem[..^"notification".Length];
        var type = Normalize(notificationType);
        return stem == type || stem + "s" == type || stem == type + "s";
    }

    private static string Normalize(string s) => new string(s.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
