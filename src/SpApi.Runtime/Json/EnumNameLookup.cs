using System.Diagnostics.CodeAnalysis;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.Serialization;

namespace SpApi.Runtime.Json;

/// <summary>
/// The names an enum is read from (its <see cref="EnumMemberAttribute"/> values, then its member names,
/// as Json.NET's StringEnumConverter matches them: exact first, then ignoring case), each mapped to a
/// value boxed once. Built once per enum type.
/// </summary>
internal sealed class EnumNameLookup
{
    private static readonly ConcurrentDictionary<Type, EnumNameLookup> Cache = new();

    private readonly FrozenDictionary<string, object> _exact;
    private readonly FrozenDictionary<string, object> _ignoreCase;

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The trimmer keeps every field of an enum type it keeps.")]
    private EnumNameLookup(Type objectType)
    {
        ObjectType = objectType;
        var enumType = Nullable.GetUnderlyingType(objectType);
        IsNullable = enumType is not null;
        enumType ??= objectType;
        Default = Enum.ToObject(enumType, 0);

        var fields = enumType.GetFields(BindingFlags.Public | BindingFlags.Static);
        var resolved = fields.Select(f => (Name: f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name, Value: f.GetValue(null)!));
        var declared = fields.Select(f => (f.Name, Value: f.GetValue(null)!));
        // Resolved (wire) names win over member names, and earlier members over later ones, as in Json.NET.
        var ordered = resolved.Concat(declared).ToArray();
        _exact = ToDictionary(ordered, StringComparer.Ordinal);
        _ignoreCase = ToDictionary(ordered, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The type asked for: the enum or its Nullable.</summary>
    public Type ObjectType { get; }

    /// <summary>True when <see cref="ObjectType"/> is a <see cref="Nullable{T}"/> of the enum.</summary>
    public bool IsNullable { get; }

    /// <summary>The boxed zero value of the enum (what a non-nullable property gets for an unknown value).</summary>
    public object Default { get; }

    /// <summary>The cached lookup for an enum type or its Nullable.</summary>
    public static EnumNameLookup For(Type objectType) => Cache.GetOrAdd(objectType, static t => new EnumNameLookup(t));

    /// <summary>Finds the value for a name; false when the name is not one of the enum's.</summary>
    public bool TryGet(string name, out object value) =>
        _exact.TryGetValue(name, out value!) || _ignoreCase.TryGetValue(name, out value!);

    private static FrozenDictionary<string, object> ToDictionary((string Name, object Value)[] entries, StringComparer comparer)
    {
        var map = new Dictionary<string, object>(comparer);
        foreach (var (name, value) in entries) map.TryAdd(name, value);
        return map.ToFrozenDictionary(comparer);
    }
}
