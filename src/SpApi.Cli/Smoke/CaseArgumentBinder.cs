using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using SpApi.Runtime.Json;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Matching;

namespace SpApi.Cli.Smoke;

/// <summary>
/// Maps a case's parameters onto a generated method's arguments by name: scalars, enums, dates and
/// arrays converted to the parameter types, the body deserialised into the request type with SpApi's
/// JSON settings. A value the typed parameter cannot hold (an enum member or date the model does not
/// allow) is sent raw on the wire instead, and the binding says so in <see cref="BoundCall.Notes"/>.
/// Required parameters the case does not mention get a neutral placeholder the sandbox ignores.
/// </summary>
internal static class CaseArgumentBinder
{
    private const string PlaceholderText = "SANDBOX";
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(SpApiJson.Configure(new JsonSerializerSettings
    {
        Converters = { new StringEnumConverter() },
        FloatParseHandling = FloatParseHandling.Decimal,
    }));

    public static BoundCall Bind(SandboxCase c, ClientOperation operation, CancellationToken cancellationToken)
    {
        var parameters = operation.Method.GetParameters();
        var args = new object?[parameters.Length];
        var call = new SmokeCallContext { Operation = operation.Metadata, ForcedCase = c.Index };
        var notes = new List<string>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (p.ParameterType == typeof(CancellationToken)) { args[i] = cancellationToken; continue; }
            var definition = c.Operation.Parameters.FirstOrDefault(d => ClientOperationIndex.Normalize(d.Name) == ClientOperationIndex.Normalize(p.Name!));
            if (definition?.Location == ParameterLocation.Body)
            {
                args[i] = c.RequestBody is null ? Missing(p) : BindBody(c.RequestBody, p.ParameterType, call, notes);
                continue;
            }
            var given = definition is null ? null : c.FindParameter(definition.Name);
            args[i] = given is null ? Missing(p) : Convert(given, p.ParameterType, call, notes);
        }
        return new BoundCall(args, call, notes);
    }

    /// <summary>
    /// The body as the request type. When the type cannot hold the case's body (an upstream defect, see
    /// <see cref="Representability"/>), the typed object is still passed and the case's JSON goes on the wire.
    /// </summary>
    private static object? BindBody(JToken body, Type type, SmokeCallContext call, List<string> notes)
    {
        object? typed;
        try
        {
            typed = body.ToObject(type, Serializer);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            call.RawBody = body.ToString(Formatting.None);
            notes.Add($"body: sent the case's JSON; the request type cannot read it ({e.Message})");
            return Placeholder(type);
        }

        var roundTrip = typed is null ? null : JToken.FromObject(typed, Serializer);
        var differences = JsonSemantic.FindDifferences(body, roundTrip, JsonComparison.ExpectedOnly);
        var reasons = differences.Select(d => (Difference: d, Why: Representability.Explain(type, d))).ToArray();
        if (reasons.Length > 0 && reasons.All(r => r.Why is not null))
        {
            call.RawBody = body.ToString(Formatting.None);
            notes.AddRange(reasons.Select(r => $"body {r.Difference.Message}: {r.Why}; sent the case's JSON"));
        }
        return typed;
    }

    private static object? Missing(ParameterInfo p) => p.HasDefaultValue ? p.DefaultValue : Placeholder(p.ParameterType);

    /// <summary>A value for a required parameter the case leaves out (the sandbox only checks the case's own).</summary>
    private static object? Placeholder(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return PlaceholderText;
        if (t.IsEnum) return Enum.GetValues(t).GetValue(0);
        if (t == typeof(DateTimeOffset)) return DateTimeOffset.UnixEpoch;
        if (ClrTypes.ElementType(t) is { } element) return Array.CreateInstance(element, 0);
        if (t.IsValueType) return Activator.CreateInstance(t);
        return t.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(t) : null;
    }

    private static object? Convert(SandboxCaseParameter given, Type type, SmokeCallContext call, List<string> notes)
    {
        var value = given.Value;
        if (ClrTypes.ElementType(type) is { } element)
        {
            var items = value is JArray array ? array.ToArray() : [value];
            var converted = items.Select(item => TryConvert(item, element)).ToArray();
            if (converted.All(x => x.Ok))
            {
                var result = Array.CreateInstance(element, converted.Length);
                for (var i = 0; i < converted.Length; i++) result.SetValue(converted[i].Value, i);
                return result;
            }
            call.QueryOverrides[given.Name] = new WireValue(items.Select(Raw).ToArray(), given.Definition.ArraySeparator);
            notes.Add($"{given.Name}: sent [{string.Join(", ", items.Select(Raw))}] raw; {element.Name} cannot hold it");
            return Placeholder(type);
        }

        var (ok, scalar) = TryConvert(value, type);
        if (ok) return scalar;
        if (given.Location == ParameterLocation.Path) call.PathOverrides[given.Name] = Raw(value);
        else call.QueryOverrides[given.Name] = new WireValue([Raw(value)], null);
        notes.Add($"{given.Name}: sent '{Raw(value)}' raw; {(Nullable.GetUnderlyingType(type) ?? type).Name} cannot hold it");
        return Placeholder(type);
    }

    private static (bool Ok, object? Value) TryConvert(JToken value, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (t == typeof(string)) return (true, Raw(value));
            if (t == typeof(DateTimeOffset))
                return DateTimeOffset.TryParse(Raw(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    && Raw(value).Length >= 10 ? (true, date) : (false, null);
            if (t.IsEnum) return ClrTypes.IsEnumMember(t, Raw(value)) ? (true, JValue.CreateString(Raw(value)).ToObject(t, Serializer)) : (false, null);
            return (true, value.ToObject(t, Serializer));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            return (false, null);
        }
    }

    private static string Raw(JToken value) => value.Type switch
    {
        JTokenType.String => (string)value!,
        JTokenType.Boolean => (bool)value ? "true" : "false",
        _ => value.ToString(Formatting.None),
    };
}

/// <summary>Arguments for the generated method, the wire overrides they need, and notes on workarounds applied.</summary>
internal sealed record BoundCall(object?[] Arguments, SmokeCallContext Call, IReadOnlyList<string> Notes);
