#nullable enable
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Runtime.Json;

namespace SpApi.Schemas;

/// <summary>
/// Reads and writes the generated schema types with the clients' tolerant settings
/// (<see cref="SpApiJson"/>): an unknown enum value, a missing required member or a bad date never fails a
/// document; unknown members are kept in <c>AdditionalProperties</c>.
/// </summary>
public static class SchemaJson
{
    /// <summary>The clients' tolerant settings (<see cref="SpApiJson.Configure"/>), for your own serializer or converters.</summary>
    public static JsonSerializerSettings Settings { get; } = SpApiJson.Configure(new JsonSerializerSettings());

    /// <summary>A serializer with <see cref="Settings"/>, for <c>JToken.ToObject</c> and streaming reads.</summary>
    public static JsonSerializer Serializer => SpApiJson.SerializerFor(Settings);

    /// <summary>Reads <paramref name="json"/> as a generated schema type (e.g. a JSON report); null for the JSON literal <c>null</c>.</summary>
    public static T? Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings);

    /// <summary>
    /// Parses JSON without turning date-like strings into <see cref="DateTime"/> (which would lose their
    /// offset and text); use it for tokens later bound with <see cref="ToObject(JToken, Type)"/>.
    /// </summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>Binds a parsed token to <paramref name="type"/> (e.g. a <see cref="SchemaEntry.RootType"/>).</summary>
    public static object? ToObject(JToken token, Type type) => token.ToObject(type, Serializer);

    /// <summary>Binds a parsed token to <typeparamref name="T"/>.</summary>
    public static T? ToObject<T>(JToken token) => token.ToObject<T>(Serializer);

    /// <summary>Writes a generated schema object back to JSON with the same settings (unknown members kept).</summary>
    public static JToken ToToken(object value) => JToken.FromObject(value, Serializer);
}
