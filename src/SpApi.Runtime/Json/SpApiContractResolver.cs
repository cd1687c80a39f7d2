using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace SpApi.Runtime.Json;

/// <summary>
/// Relaxes what the generated attributes demand: <c>Required</c> is not enforced on read (models mark
/// fields required that live responses omit), string enums and dates are read tolerantly.
/// </summary>
public sealed class SpApiContractResolver : DefaultContractResolver
{
    /// <summary>A resolver for the generated models (Json.NET reads them by reflection).</summary>
    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    public SpApiContractResolver()
    {
    }

    /// <summary>Json.NET's property, with <c>Required</c> relaxed and tolerant enum/date converters attached.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Runs only inside a resolver, whose constructor requires unreferenced code.")]
    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        property.Required = Required.Default;
        var type = property.PropertyType;
        if (type is null) return property;

        if (property.Converter is StringEnumConverter || (property.Converter is null && IsStringEnum(type)))
            property.Converter = new TolerantEnumConverter();
        if (property.ItemConverter is StringEnumConverter)
            property.ItemConverter = new TolerantEnumConverter();

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime))
            property.Converter = new TolerantDateConverter(property.Converter);
        return property;
    }

    // NJsonSchema leaves the converter off some string enums (a single-member one, e.g.
    // ShippingOptionType), which would then travel as a number; its string enums carry [EnumMember].
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The trimmer keeps every field of an enum type it keeps.")]
    private static bool IsStringEnum(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum && t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Any(f => f.IsDefined(typeof(System.Runtime.Serialization.EnumMemberAttribute), false));
    }
}
