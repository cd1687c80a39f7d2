using Newtonsoft.Json.Linq;
using SpApi.Schemas;

namespace SpApi.Notifications;

/// <summary>How a notification reached us.</summary>
public enum NotificationSource
{
    /// <summary>An SQS message body: the notification document itself.</summary>
    Sqs,

    /// <summary>An EventBridge event: the notification in <c>detail</c>, its type in <c>detail-type</c>.</summary>
    EventBridge,
}

/// <summary>The notification metadata every SP-API notification carries.</summary>
public sealed record NotificationMetadata(string? ApplicationId, string? SubscriptionId, DateTimeOffset? PublishTime, string? NotificationId);

/// <summary>
/// One SP-API notification: the envelope read from any casing (<c>NotificationType</c> or
/// <c>notificationType</c>), the raw payload, and the typed document generated from Amazon's schema for the
/// type. A type the pinned schemas do not know yet still reads: <see cref="Document"/> is null and
/// <see cref="Raw"/>/<see cref="Payload"/> hold everything that arrived.
/// </summary>
public sealed class SpApiNotification
{
    internal SpApiNotification(NotificationSource source, JObject raw, string notificationType, string? notificationVersion,
        string? payloadVersion, DateTimeOffset? eventTime, NotificationMetadata? metadata, JToken? payload,
        SchemaEntry? schema, object? document)
    {
        Source = source;
        Raw = raw;
        NotificationType = notificationType;
        NotificationVersion = notificationVersion;
        PayloadVersion = payloadVersion;
        EventTime = eventTime;
        Metadata = metadata;
        Payload = payload;
        Schema = schema;
        Document = document;
    }

    /// <summary>Whether the notification arrived as an SQS message body or an EventBridge event.</summary>
    public NotificationSource Source { get; }

    /// <summary>The notification document as received (for EventBridge: the event's <c>detail</c>).</summary>
    public JObject Raw { get; }

    /// <summary>E.g. <c>ORDER_CHANGE</c>; for an EventBridge event without one in <c>detail</c>, its <c>detail-type</c>.</summary>
    public string NotificationType { get; }

    /// <summary>The envelope's <c>NotificationVersion</c> (e.g. <c>1.0</c>); null when absent.</summary>
    public string? NotificationVersion { get; }

    /// <summary>The envelope's <c>PayloadVersion</c>, which picks the schema when a type has several; null when absent.</summary>
    public string? PayloadVersion { get; }

    /// <summary>When the event happened; null when absent or not a date.</summary>
    public DateTimeOffset? EventTime { get; }

    /// <summary>Application, subscription, publish time and notification id; null when the envelope has no metadata.</summary>
    public NotificationMetadata? Metadata { get; }

    /// <summary>The <c>Payload</c> member as JSON (null when absent).</summary>
    public JToken? Payload { get; }

    /// <summary>The pinned schema used for <see cref="Document"/>, or null for a type no schema describes.</summary>
    public SchemaEntry? Schema { get; }

    /// <summary>
    /// The whole notification as its generated type (e.g. <c>SpApi.Notifications.OrderChange.OrderChangeNotification</c>),
    /// or null when <see cref="IsKnownType"/> is false.
    /// </summary>
    public object? Document { get; }

    /// <summary>True when a pinned schema describes this notification type.</summary>
    public bool IsKnownType => Document is not null;

    /// <summary>The typed document, or null when it is not a <typeparamref name="T"/>.</summary>
    public T? As<T>() where T : class => Document as T;

    /// <summary>Type, source and notification id, for logs; never the payload.</summary>
    public override string ToString() => $"{NotificationType} ({Source}{(Metadata?.NotificationId is { } id ? ", " + id : "")})";
}
