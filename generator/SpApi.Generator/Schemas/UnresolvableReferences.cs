using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Schemas;

/// <summary>
/// A local <c>$ref</c> that points nowhere (ShipmentTrackingMilestoneChangedNotification at the current pin:
/// <c>"$ref": "#/definitions/Notification"</c> with empty <c>definitions</c>) would stop the whole build.
/// It becomes an open object instead: its type keeps every member it carries as extension data, so the
/// message still reads and round-trips, untyped where the schema gave no type.
/// </summary>
public static class UnresolvableReferences
{
    public static int Apply(JToken root) => Walk(root, root);

    private static int Walk(JToken root, JToken node)
    {
        var changed = 0;
        if (node is JObject obj)
        {
            if (obj["$ref"] is JValue { Type: JTokenType.String } r && ((string)r!).StartsWith('#') && Resolve(root, (string)r!) is null)
            {
                obj.Remove("$ref");
                obj["type"] = "object";
                obj["additionalProperties"] = true;
                changed++;
            }
            foreach (var p in obj.Properties())
                if (p.Name is not ("examples" or "default" or "const" or "enum" or "example"))
                    changed += Walk(root, p.Value);
        }
        else if (node is JArray array)
            foreach (var item in array) changed += Walk(root, item);
        return changed;
    }

    /// <summary>The node a local <c>#/…</c> reference points to, or null.</summary>
    internal static JToken? Resolve(JToken root, string reference)
    {
        JToken? node = root;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node is JObject o ? o[Uri.UnescapeDataString(part).Replace("~1", "/").Replace("~0", "~")] : null;
        return node;
    }
}
