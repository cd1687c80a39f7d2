using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace SpApi.Runtime.Json;

/// <summary>
/// A <see cref="StringEnumConverter"/> that reads an enum value the model does not know (Amazon adds
/// values before it updates its models) as null (nullable properties) or the type's default, instead
/// of failing the whole response. Matching is case-insensitive.
/// </summary>
/// <remarks>
/// Names are looked up in a per-type table of pre-boxed values, so a known value costs no allocation and
/// an unknown one costs no exception (a page of orders carrying a new status would otherwise throw once
/// per order). Anything the table cannot decide (numbers, comma-separated flags, padded text) goes to
/// Json.NET's own parsing.
/// </remarks>
public sealed class TolerantEnumConverter : StringEnumConverter
{
    // One converter serves one property, so the lookup is nearly always the one used last.
    private EnumNameLookup? _last;

    /// <summary>A converter for one enum property (Json.NET reads the enum by reflection).</summary>
    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    public TolerantEnumConverter()
    {
    }

    /// <inheritdoc/>
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var lookup = _last;
        if (lookup is null || lookup.ObjectType != objectType)
            _last = lookup = EnumNameLookup.For(objectType);

        if (reader.TokenType == JsonToken.Null)
            return Fallback(lookup);
        if (reader.TokenType is JsonToken.StartObject or JsonToken.StartArray)
        {
            // Not an enum at all: step over the whole value so the rest of the response still reads.
            reader.Skip();
            return Fallback(lookup);
        }
        if (reader.TokenType == JsonToken.String && reader.Value is string text)
        {
            if (lookup.TryGet(text, out var value)) return value;
            if (IsPlainUnknownName(text)) return Fallback(lookup);
        }
        try
        {
            return base.ReadJson(reader, objectType, existingValue, serializer);
        }
        catch (JsonSerializationException)
        {
            return Fallback(lookup);
        }
    }

    private static object? Fallback(EnumNameLookup lookup) => lookup.IsNullable ? null : lookup.Default;

    // Text Json.NET could still map (a number, a flags list, padded or empty text) is left to it.
    private static bool IsPlainUnknownName(string text) =>
        text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) &&
        !char.IsDigit(text[0]) && text[0] is not ('-' or '+') && !text.Contains(',');
}
