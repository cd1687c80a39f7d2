using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace SpApi.Runtime.Json;

/// <summary>
/// A <see cref="StringEnumConverter"/> that reads an enum value the model does not know (Amazon adds
/// values before it updates its models) as null (nullable properties) or the type's default, instead
/// of failing the whole response. Matching is case-insensitive.
/// </summary>
public sealed class TolerantEnumConverter : StringEnumConverter
{
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var nullable = Nullable.GetUnderlyingType(objectType) is not null;
        if (reader.TokenType == JsonToken.Null)
            return nullable ? null : Activator.CreateInstance(objectType);
        try
        {
            return base.ReadJson(reader, objectType, existingValue, serializer);
        }
        catch (JsonSerializationException)
        {
            return nullable ? null : Activator.CreateInstance(objectType);
        }
    }
}
