using System.Globalization;
using Newtonsoft.Json;

namespace SpApi.Runtime.Json;

/// <summary>
/// Reads ISO-8601 dates as usual and, when a value is not ISO-8601 (some of Amazon's own data is not),
/// tries a lenient parse and otherwise yields null/default rather than failing the response.
/// Writing is left to the wrapped converter (e.g. NJsonSchema's date-only converter) or Json.NET.
/// </summary>
public sealed class TolerantDateConverter(JsonConverter? inner) : JsonConverter
{
    /// <inheritdoc/>
    public override bool CanConvert(Type objectType) => true;

    /// <inheritdoc/>
    public override bool CanWrite => inner?.CanWrite == true;

    /// <inheritdoc/>
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        inner!.WriteJson(writer, value, serializer);

    /// <inheritdoc/>
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var underlying = Nullable.GetUnderlyingType(objectType);
        var isOffset = (underlying ?? objectType) == typeof(DateTimeOffset);
        // The converter is attached to DateTime and DateTimeOffset properties only (SpApiContractResolver).
        object? Fallback() => underlying is not null ? null : isOffset ? default(DateTimeOffset) : default(DateTime);

        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return Fallback();
            case JsonToken.Date:
                return reader.Value switch
                {
                    DateTimeOffset dto => isOffset ? dto : dto.UtcDateTime,
                    DateTime dt => isOffset ? new DateTimeOffset(dt) : dt,
                    _ => Fallback(),
                };
            case JsonToken.String:
                var text = (string)reader.Value!;
                if (text.Length == 0) return Fallback();
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                        DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
                    return isOffset ? parsed : parsed.UtcDateTime;
                return Fallback();
            default:
                reader.Skip();
                return Fallback();
        }
    }
}
