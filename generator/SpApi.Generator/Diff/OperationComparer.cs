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
            sink.Add(ChangeKind.PathTemplateChanged, id, BreakingRules.PathTemplateChanged,
                $"route {old.Route} -> {now.Route} (the same C# method now calls the new route: review it)");
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
        var pairs = Match(Unique(before, old), Unique(after, now));
        foreach (var (was, isNow) in pairs)
        {
            if (was is null)
            {
                var required = IsRequired(isNow!);
                sink.Add(ChangeKind.ParameterAdded, id, BreakingRules.ParameterAdded(required),
                    $"{Name(isNow!)} ({Location(isNow!)}, {(required ? "required" : "optional")} {ParameterType(after, isNow!)})");
            }
            else if (isNow is null)
                sink.Add(ChangeKind.ParameterRemoved, id, BreakingRules.ParameterRemoved, $"{Name(was)} ({Location(was)})");
            else
                CompareParameter(was, isNow, id);
        }
        ParameterOrder(old, now, id, pairs.Where(p => p.Old is not null && p.New is not null).ToList());
    }

    /// <summary>
    /// Pairs parameters by name and location, then by name alone (a moved parameter); the body parameter pairs
    /// with the body parameter whatever it is called (the name only becomes a C# parameter name).
    /// </summary>
    private static List<(JObject? Old, JObject? New)> Match(List<JObject> old, List<JObject> now)
    {
        var pairs = new List<(JObject? Old, JObject? New)>();
        var unmatched = new List<JObject>(now);
        Pair(p => $"{Identity(p)}|{Location(p)}");
        Pair(Identity);
        pairs.AddRange(old.Where(o => !pairs.Any(p => ReferenceEquals(p.Old, o))).Select(o => ((JObject?)o, (JObject?)null)));
        pairs.AddRange(unmatched.Select(n => ((JObject?)null, (JObject?)n)));
        return pairs;

        void Pair(Func<JObject, string> key)
        {
            foreach (var o in old.Where(o => !pairs.Any(p => ReferenceEquals(p.Old, o))).ToList())
            {
                var candidates = unmatched.Where(n => string.Equals(key(n), key(o), StringComparison.OrdinalIgnoreCase)).ToList();
                if (candidates.Count != 1) continue;
                pairs.Add((o, candidates[0]));
                unmatched.Remove(candidates[0]);
            }
        }
    }

    private static List<JObject> Unique(SwaggerDocument document, SwaggerOperation operation)
    {
        var twice = operation.Parameters.GroupBy(p => $"{Identity(p)}|{Location(p)}", StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? operation.Parameters.ToList()
            : throw new ModelDiffException($"{document.ModelFile}: {operation.Route} declares parameter '{Name(twice.First())}' in {Location(twice.First())} twice.");
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
    /// NSwag declares required parameters first, then optional ones, each group in model order. If the matched
    /// parameters come out in a different order, positional arguments would bind to the wrong parameter.
    /// </summary>
    private void ParameterOrder(SwaggerOperation old, SwaggerOperation now, string id, List<(JObject? Old, JObject? New)> matched)
    {
        var before = SignatureOrder(old).Select(p => matched.FindIndex(m => ReferenceEquals(m.Old, p))).Where(i => i >= 0).ToList();
        var after = SignatureOrder(now).Select(p => matched.FindIndex(m => ReferenceEquals(m.New, p))).Where(i => i >= 0).ToList();
        if (!before.SequenceEqual(after))
            sink.Add(ChangeKind.ParameterChanged, id, BreakingRules.ParameterOrderChanged,
                $"parameter order ({string.Join(", ", before.Select(i => Name(matched[i].New!)))}) -> ({string.Join(", ", after.Select(i => Name(matched[i].New!)))})");
    }

    private static IEnumerable<JObject> SignatureOrder(SwaggerOperation operation) =>
        operation.Parameters.Where(IsRequired).Concat(operation.Parameters.Where(p => !IsRequired(p)));

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

    private static string Identity(JObject parameter) => Location(parameter) == "body" ? "(body)" : Name(parameter);

    private static string Name(JObject parameter) => parameter.Value<string>("name") ?? "(unnamed)";

    private static string Location(JObject parameter) => parameter.Value<string>("in") ?? "(unknown)";

    private static bool IsRequired(JObject parameter) => parameter.Value<bool?>("required") ?? false;

    private static string ParameterType(SwaggerDocument document, JObject parameter) => SchemaShape.TypeName(document, Schema(parameter));
}
