using System.Reflection;
using Newtonsoft.Json;

namespace SpApi.Cli.Smoke;

/// <summary>
/// Finds the declared CLR type behind a JSON path (<c>$.payload.items[0].unitOfMeasure</c>) of a typed
/// result, following <c>[JsonProperty]</c> names. Lets the verdict tell a value the model cannot hold
/// (an enum member or date it does not allow) from one the client lost.
/// </summary>
internal static class TypedPath
{
    /// <summary>
    /// Walks <paramref name="path"/> from <paramref name="root"/>. <c>Found</c> is false when a step names a
    /// property the type does not have; <c>Type</c> is null when the walk cannot continue (untyped data).
    /// </summary>
    public static (bool Found, Type? Type) Resolve(Type root, string path)
    {
        Type? type = root;
        foreach (var step in Steps(path))
        {
            if (type is null || type == typeof(object) || typeof(Newtonsoft.Json.Linq.JToken).IsAssignableFrom(type)) return (true, null);
            if (step == "[]")
            {
                type = ClrTypes.ElementType(type);
            }
            else if (ClrTypes.ElementType(type) is not null || type.IsPrimitive || type == typeof(string))
            {
                return (true, null);
            }
            else
            {
                var property = Property(type, step);
                if (property is null) return (IsDictionary(type), null);
                type = property.PropertyType;
            }
            if (type is not null) type = Nullable.GetUnderlyingType(type) ?? type;
        }
        return (true, type);
    }

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    /// <summary><c>$.a.b[0].c</c> -> a, b, [], c.</summary>
    private static IEnumerable<string> Steps(string path)
    {
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0) yield return name;
            if (bracket < 0) continue;
            for (var i = bracket; i >= 0; i = part.IndexOf('[', i + 1)) yield return "[]";
        }
    }

    private static PropertyInfo? Property(Type type, string jsonName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p =>
            (p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? p.Name) == jsonName);
}
