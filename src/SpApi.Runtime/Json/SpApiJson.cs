using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;

namespace SpApi.Runtime.Json;

/// <summary>
/// Serializer settings shared by all generated clients (NSwag's
/// <c>jsonSerializerSettingsTransformationMethod</c> points here). Tolerant where Amazon's live data
/// differs from its models: required properties may be missing, enums may carry new values,
/// and a date that is not ISO-8601 must not sink the whole response.
/// </summary>
public static class SpApiJson
{
    /// <summary>Why the JSON layer is not trim-safe (shown by the trimming analyzers of apps that publish trimmed).</summary>
    public const string TrimmingNote =
        "Json.NET reads and writes the generated SP-API models by reflection. A trimmed app must keep SpApi.Clients whole " +
        "(<TrimmerRootAssembly Include=\"SpApi.Clients\" />); Native AOT is not supported (docs/cold-start.md).";

    private static SpApiContractResolver? _resolver;
    // Values boxed: a table of JsonSerializer would root its (trim-unsafe) parameterless constructor.
    private static readonly ConditionalWeakTable<JsonSerializerSettings, StrongBox<JsonSerializer>> Serializers = new();

    /// <summary>Applies SP-API settings and returns the same instance.</summary>
    [RequiresUnreferencedCode(TrimmingNote)]
    public static JsonSerializerSettings Configure(JsonSerializerSettings settings)
    {
        settings.ContractResolver = _resolver ??= new SpApiContractResolver(); // shared; a rare second instance is harmless
        settings.DateParseHandling = DateParseHandling.None;
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
        return settings;
    }

    /// <summary>A new settings instance configured for SP-API.</summary>
    [RequiresUnreferencedCode(TrimmingNote)]
    public static JsonSerializerSettings CreateSettings() => Configure(new JsonSerializerSettings());

    /// <summary>
    /// One <see cref="JsonSerializer"/> per settings instance, made on first use and shared (Json.NET
    /// serializers are safe to share while their settings do not change). Saves the serializer that
    /// <c>JsonSerializer.Create</c> would build and configure on every response. Settings changed after
    /// their first use here are not seen: configure them first.
    /// </summary>
    [RequiresUnreferencedCode(TrimmingNote)]
    public static JsonSerializer SerializerFor(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Serializers.GetValue(settings, static s => new StrongBox<JsonSerializer>(JsonSerializer.Create(s))).Value!;
    }
}
