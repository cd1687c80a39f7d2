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
    public static JsonSerializerSettings Settings { get; } = SpApiJson.Configure(new JsonSerializerSettings());

    public static JsonSerializer Serializer => SpApiJson.SerializerFor(Settings);

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

    public static object? ToObject(JToken token, Type type) => token.ToObject(type, Serializer);

    public static T? ToObject<T>(JToken token) => token.ToObject<T>(Serializer);

    public static JToken ToToken(object value) => JToken.FromObject(value, Serializer);
}
