using System.Collections;
using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;

namespace SpApi.Cli.Bench;

/// <summary>
/// Fills a generated model with deterministic, plausible values by walking its shape (public settable
/// properties), so benchmark payloads follow the models without hand-kept JSON. No randomness: the same
/// arguments always give the same object. <paramref name="omitEvery"/> &gt; 0 leaves every n-th optional property
/// unset, as live responses leave out optional fields.
/// </summary>
internal sealed class ModelSampleFiller(int itemsPerList = 2, int maxDepth = 5, int omitEvery = 0)
{
    private int _counter;
    private int _optionalSeen;

    /// <summary>Creates and fills an instance of <typeparamref name="T"/>.</summary>
    public T Create<T>() where T : new() => (T)Fill(typeof(T), depth: 0, name: typeof(T).Name)!;

    private object? Fill(Type type, int depth, string name)
    {
        var n = ++_counter;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return SampleString(name, n);
        if (underlying == typeof(bool)) return n % 3 == 0;
        if (underlying == typeof(int) || underlying == typeof(long)) return Convert.ChangeType(n % 50 + 1, underlying, CultureInfo.InvariantCulture);
        if (underlying == typeof(double) || underlying == typeof(decimal)) return Convert.ChangeType(n % 500 + 0.25, underlying, CultureInfo.InvariantCulture);
        if (underlying == typeof(DateTimeOffset)) return SampleDate(n);
        if (underlying == typeof(DateTime)) return SampleDate(n).UtcDateTime;
        if (underlying.IsEnum)
        {
            var values = Enum.GetValues(underlying);
            return values.GetValue(n % values.Length);
        }
        if (depth >= maxDepth || underlying == typeof(object)) return null;
        if (IsDictionary(underlying)) return null;
        if (ElementType(underlying) is { } element) return FillList(underlying, element, depth, name);
        if (!underlying.IsClass || underlying.GetConstructor(Type.EmptyTypes) is null) return null;

        var instance = Activator.CreateInstance(underlying)!;
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetIndexParameters().Length > 0) continue;
            if (omitEvery > 0 && IsOptional(property) && ++_optionalSeen % omitEvery == 0) continue;
            var value = Fill(property.PropertyType, depth + 1, property.Name);
            if (value is not null) property.SetValue(instance, value);
        }
        return instance;
    }

    private object? FillList(Type listType, Type element, int depth, string name)
    {
        var concrete = listType.IsInterface ? typeof(System.Collections.ObjectModel.Collection<>).MakeGenericType(element) : listType;
        if (concrete.GetConstructor(Type.EmptyTypes) is null) return null;
        var list = (IList)Activator.CreateInstance(concrete)!;
        for (var i = 0; i < itemsPerList; i++)
            if (Fill(element, depth + 1, name) is { } item) list.Add(item);
        return list;
    }

    // Generated models mark required properties Required.DisallowNull/Always; the rest are optional.
    private static bool IsOptional(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyAttribute>()?.Required is null or Required.Default or Required.AllowNull;

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static bool IsDictionary(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type) ||
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    private static DateTimeOffset SampleDate(int n) =>
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(n * 37L);

    // Values shaped like SP-API's: ISO dates, money amounts, ids, codes; free text otherwise.
    private static string SampleString(string name, int n)
    {
        if (name.EndsWith("Date", StringComparison.Ordinal) || name.EndsWith("Before", StringComparison.Ordinal) ||
            name.EndsWith("After", StringComparison.Ordinal) || name.EndsWith("Time", StringComparison.Ordinal))
            return SampleDate(n).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (name.EndsWith("CurrencyCode", StringComparison.Ordinal)) return "USD";
        if (name.EndsWith("CountryCode", StringComparison.Ordinal)) return "US";
        if (name == "Amount") return (n % 900 + 0.99).ToString("0.00", CultureInfo.InvariantCulture);
        if (name == "AmazonOrderId") return $"113-{n % 10_000_000:D7}-{n * 7919 % 10_000_000:D7}";
        if (name.EndsWith("Email", StringComparison.Ordinal)) return $"buyer{n}@marketplace.amazon.com";
        if (name.EndsWith("Id", StringComparison.Ordinal)) return $"A{n * 2654435761L % 0xFFFFFFFFL:X8}{n % 97:D2}";
        return $"{name} {n}";
    }
}
