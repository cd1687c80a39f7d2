using System.Globalization;
using Newtonsoft.Json.Linq;
using SpApi.Generator.Generation;
using SpApi.Runtime;

namespace SpApi.Generator.Diff;

/// <summary>Compares one operation present in both versions: deprecation, usage plan, parameters, request and response schemas.</summary>
internal sealed class OperationComparer(SwaggerDocument before, SwaggerDocument after, ChangeSink sink, SchemaComparer schemas)
{
    public void Compare(SwaggerOperation old, SwaggerOperation now)
    {
        var id = now.Key;
        if (old.Route != now.Route)
            sink.Add(ChangeKind.DocumentationChanged, id, BreakingRules.DocumentationChanged,
                $"route {old.Route} -> {now.Route} (the regenerated client calls the new route; the C# method is the same)");
        if (!old.Deprecated && now.Deprecated)
            sink.Add(ChangeKind.OperationDeprecated, id, BreakingRules.OperationDeprecated, $"{now.Route} is now deprecated");
        else if (old.Deprecated && !now.Deprecated)
            sink.Add(ChangeKind.DocumentationChanged, id, BreakingRules.DocumentationChanged, $"{now.Route} is no longer deprecated");

        // The same parser that fills the generated operation metadata, so the report says what the rate limiter will use.
        var oldPlan = UsagePlanParser.Parse(old.Description);
        var newPlan = UsagePlanParser.Parse(now.Description);
        if (oldPlan != newPlan)
            sink.Add(ChangeKind.UsagePlanChanged, id, BreakingRules.UsagePlanChanged, $"{Describe(oldPlan)} -> {Describe(newPlan)}");

        Parameters(old, now, id);
        Responses(old, now, id);
    }

    private void Parameters(SwaggerOperation old, SwaggerOperation now, string id)
    {
        var oldByName = old.Parameters.ToDictionary(ParameterKey, StringComparer.OrdinalIgnoreCase);
        var newByName = now.Parameters.ToDictionary(ParameterKey, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, parameter) in newByName)
        {
            if (oldByName.ContainsKey(key)) continue;
            var required = IsRequired(parameter);
            sink.Add(ChangeKind.ParameterAdded, id, BreakingRules.ParameterAdded(required),
                $"{Name(parameter)} ({Location(parameter)}, {(required ? "required" : "optional")} {ParameterType(after, parameter)})");
        }
        foreach (var (key, parameter) in oldByName)
        {
            if (!newByName.TryGetValue(key, out var replacement))
            {
                sink.Add(ChangeKind.ParameterRemoved, id, BreakingRules.ParameterRemoved, $"{Name(parameter)} ({Location(parameter)})");
                continue;
            }
            CompareParameter(parameter, replacement, id);
        }
        ParameterOrder(old, now, id, oldByName.Keys.Intersect(newByName.Keys, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    private void CompareParameter(JObject old, JObject now, string id)
    {
        var name = Name(now);
        if (Name(old) != name)
            sink.Add(ChangeKind.ParameterChanged, id, BreakingRules.ParameterLocationChanged, $"{Name(old)}: wire name -> {name}");
        if (Location(old) != Location(now))
            sink.Add(ChangeKind.ParameterChanged, id, BreakingRules.ParameterLocationChanged, $"{name}: location {Location(old)} -> {Location(now)}");
        var wasRequired = IsRequired(old);
        var isRequired = IsRequired(now);
        if (wasRequired != isRequired)
            sink.Add(ChangeKind.ParameterChanged, id, BreakingRules.ParameterRequiredChanged(isRequired),
                $"{name}: {(isRequired ? "optional -> required" : "required -> optional")}");

        // A body parameter's schema is walked like any request schema; other parameters carry the schema keywords themselves.
        schemas.Compare(Schema(old), Schema(now), name, id, SchemaUse.Request, ChangeKind.ParameterChanged);
    }

    /// <summary>
    /// NSwag declares required parameters first, then optional ones, each group in model order. If the common
    /// parameters come out in a different order, positional arguments would bind to the wrong parameter.
    /// </summary>
    private void ParameterOrder(SwaggerOperation old, SwaggerOperation now, string id, HashSet<string> common)
    {
        var before = SignatureOrder(old).Where(common.Contains).ToList();
        var after = SignatureOrder(now).Where(common.Contains).ToList();
        if (!before.SequenceEqual(after, StringComparer.OrdinalIgnoreCase))
            sink.Add(ChangeKind.ParameterChanged, id, BreakingRules.ParameterOrderChanged,
                $"parameter order ({string.Join(", ", before)}) -> ({string.Join(", ", after)})");
    }

    private static IEnumerable<string> SignatureOrder(SwaggerOperation operation) =>
        operation.Parameters.Where(IsRequired).Concat(operation.Parameters.Where(p => !IsRequired(p))).Select(ParameterKey);

    private void Responses(SwaggerOperation old, SwaggerOperation now, string id)
    {
        var oldResponses = old.Responses ?? [];
        var newResponses = now.Responses ?? [];
        foreach (var code in oldResponses.Properties().Select(p => p.Name).Union(newResponses.Properties().Select(p => p.Name)))
        {
            var oldSchema = oldResponses[code]?["schema"];
            var newSchema = newResponses[code]?["schema"];
            var success = code.StartsWith('2');
            if (oldResponses[code] is null || newResponses[code] is null)
            {
                if (success && (oldSchema ?? newSchema) is not null)
                    sink.Add(ChangeKind.PropertyChanged, id, BreakingRules.SuccessBodyChanged(newSchema is not null),
                        $"response {code} {(newSchema is null ? "removed" : "added")} ({SchemaShape.TypeName(newSchema is null ? before : after, oldSchema ?? newSchema)})");
                else
                    sink.Add(ChangeKind.DocumentationChanged, id, BreakingRules.DocumentationChanged,
                        $"response {code} {(newResponses[code] is null ? "no longer declared" : "declared")}");
                continue;
            }
            if (oldSchema is null != newSchema is null)
            {
                sink.Add(ChangeKind.PropertyChanged, id, !success ? BreakingRules.DocumentationChanged : BreakingRules.SuccessBodyChanged(newSchema is not null),
                    $"response {code} body {(newSchema is null ? "removed" : "added")}");
                continue;
            }
            schemas.Compare(oldSchema, newSchema, $"response {code}", id, SchemaUse.Response, ChangeKind.PropertyChanged);
        }
    }

    private static string Describe(UsagePlan? plan) =>
        plan is null ? "unknown" : $"{plan.Rate.ToString(CultureInfo.InvariantCulture)} req/s, burst {plan.Burst}";

    private static JToken Schema(JObject parameter) => Location(parameter) == "body" ? parameter["schema"] ?? new JObject() : parameter;

    /// <summary>Body parameters match whatever they are called (the name only becomes a C# parameter name).</summary>
    private static string ParameterKey(JObject parameter) => Location(parameter) == "body" ? "(body)" : Name(parameter);

    private static string Name(JObject parameter) => parameter.Value<string>("name") ?? "(unnamed)";

    private static string Location(JObject parameter) => parameter.Value<string>("in") ?? "(unknown)";

    private static bool IsRequired(JObject parameter) => parameter.Value<bool?>("required") ?? false;

    private static string ParameterType(SwaggerDocument document, JObject parameter) => SchemaShape.TypeName(document, Schema(parameter));
}
