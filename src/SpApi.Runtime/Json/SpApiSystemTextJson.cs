using System.Diagnostics.CodeAnalysis;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpApi.Runtime.Json;

/// <summary>
/// Generated models and enums under System.Text.Json (ASP.NET Core minimal APIs and MVC, HttpClient JSON
/// extensions), spelled exactly as SP-API spells them: <c>"orderStatus": "Shipped"</c>, not <c>"OrderStatus": 1</c>.
/// <code>builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddSpApiModels());</code>
/// </summary>
public static class SpApiSystemTextJson
{
    /// <summary>Registers <see cref="SpApiModelJsonConverter"/> on <paramref name="options"/> and returns them.</summary>
    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    [RequiresDynamicCode("Creates a converter per model type at run time.")]
    public static JsonSerializerOptions AddSpApiModels(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.OfType<SpApiModelJsonConverter>().Any()) options.Converters.Add(new SpApiModelJsonConverter());
        return options;
    }
}

/// <summary>
/// Reads and writes generated SP-API types (models carrying Json.NET attributes, enums with <see cref="EnumMemberAttribute"/>
/// values, in an <c>SpApi.</c> namespace) with the same Json.NET settings the clients use on the wire, so names,
/// enum values, date formats, omitted nulls and unknown (additional) properties come out as Amazon sends them.
/// Other types are left to System.Text.Json.
/// </summary>
[RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
[RequiresDynamicCode("Creates a converter per model type at run time.")]
public sealed class SpApiModelJsonConverter : JsonConverterFactory
{
    private static readonly ConcurrentDictionary<Type, bool> Generated = new();
    // A top-level enum has no property attribute asking for its name, so the settings add the name converter.
    private static readonly Newtonsoft.Json.JsonSerializerSettings Settings = WithEnumNames(SpApiJson.CreateSettings());

    private static Newtonsoft.Json.JsonSerializerSettings WithEnumNames(Newtonsoft.Json.JsonSerializerSettings settings)
    {
        settings.Converters.Add(new Newtonsoft.Json.Converters.StringEnumConverter());
        return settings;
    }

    /// <summary>True for the generated SP-API models and enums.</summary>
    public override bool CanConvert(Type typeToConvert) => Generated.GetOrAdd(typeToConvert, IsGeneratedType);

    /// <summary>A converter writing the model as SP-API spells it (its Json.NET attributes).</summary>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Bridge<>).MakeGenericType(typeToConvert))!;

    private static bool IsGeneratedType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.Namespace is not { } ns || !ns.StartsWith("SpApi.", StringComparison.Ordinal)) return false;
        if (type.IsEnum) return type.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(EnumMemberAttribute)));
        return type.IsClass && type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(p => p.IsDefined(typeof(Newtonsoft.Json.JsonPropertyAttribute)));
    }

    private sealed class Bridge<T> : JsonConverter<T>
    {
        public override bool HandleNull => false;

        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Created only by SpApiModelJsonConverter, which requires unreferenced code.")]
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return (T?)Newtonsoft.Json.JsonConvert.DeserializeObject(document.RootElement.GetRawText(), typeToConvert, Settings);
        }

        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Created only by SpApiModelJsonConverter, which requires unreferenced code.")]
        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteRawValue(Newtonsoft.Json.JsonConvert.SerializeObject(value, typeof(T), Settings), skipInputValidation: true);
    }
}
