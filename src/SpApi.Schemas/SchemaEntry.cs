#nullable enable
namespace SpApi.Schemas;

/// <summary>One pinned JSON Schema and the generated type of its root.</summary>
/// <param name="SchemaFile">Path under <c>schemas/</c>, e.g. <c>notifications/OrderChangeNotification.json</c>.</param>
/// <param name="Kind"><c>notifications</c>, <c>reports</c> or <c>feeds</c>.</param>
/// <param name="RootType">The generated root type, e.g. <c>SpApi.Notifications.OrderChange.OrderChangeNotification</c>.</param>
/// <param name="TypeCount">How many types (classes and enums) were generated for the schema.</param>
/// <param name="NotificationTypes">NotificationType values of the schema's examples (notifications; may be empty).</param>
/// <param name="PayloadVersions">PayloadVersion values of the schema's examples (may be empty).</param>
public sealed record SchemaEntry(string SchemaFile, string Kind, Type RootType, int TypeCount,
    IReadOnlyList<string> NotificationTypes, IReadOnlyList<string> PayloadVersions);

public static partial class SchemaCatalog
{
    /// <summary>The entry of a schema file (path under <c>schemas/</c>), or null.</summary>
    public static SchemaEntry? Find(string schemaFile) =>
        All.FirstOrDefault(e => string.Equals(e.SchemaFile, schemaFile.Replace('\\', '/'), StringComparison.Ordinal));
}
