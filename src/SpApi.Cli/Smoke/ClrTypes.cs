using System.Collections;
using System.Reflection;
using System.Runtime.Serialization;

namespace SpApi.Cli.Smoke;

/// <summary>Reflection helpers over generated types: collection element types and enum wire names.</summary>
internal static class ClrTypes
{
    /// <summary>T of an array or IEnumerable&lt;T&gt; (not string), else null.</summary>
    public static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)) return null;
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>The JSON names of an enum's members (<c>[EnumMember(Value)]</c> or the member name).</summary>
    public static IEnumerable<string> EnumWireNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name);

    public static bool IsEnumMember(Type enumType, string text, StringComparison comparison = StringComparison.Ordinal) =>
        EnumWireNames(enumType).Any(n => string.Equals(n, text, comparison));
}
