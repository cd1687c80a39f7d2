using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Diff;

/// <summary>
/// Walks the old and new version of a schema side by side and reports type, required, property, constraint and
/// enum changes. References are followed into definitions, so a change is reported where it lives:
/// <c>Order.OrderStatus</c> rather than once per path that reaches it. Each definition is visited once per
/// operation and use, which also stops recursive definitions.
/// </summary>
internal sealed class SchemaComparer(SwaggerDocument before, SwaggerDocument after, ChangeSink sink)
{
    private readonly HashSet<(string? Operation, SchemaUse Use, string Definition)> _visited = [];

    /// <summary>Definitions that had an API change reported (so their edits are not also called documentation).</summary>
    public HashSet<string> ChangedDefinitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Every definition reached from any operation.</summary>
    public HashSet<string> ReachedDefinitions { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Compares a schema root: a body parameter (type changes are <see cref="ChangeKind.ParameterChanged"/>),
    /// a response, a non-body parameter, or a definition nothing else reaches.
    /// </summary>
    public void Compare(JToken? oldSchema, JToken? newSchema, string path, string? operationId, SchemaUse use, ChangeKind rootKind) =>
        Node(oldSchema, newSchema, new Site(path, operationId, use, rootKind, Definition: null), isRoot: true);

    public void CompareDefinition(string name, string? operationId, SchemaUse use) =>
        VisitDefinition(name, new Site(name, operationId, use, ChangeKind.PropertyChanged, Definition: null));

    private void Node(JToken? oldSchema, JToken? newSchema, Site site, bool isRoot)
    {
        var kind = isRoot ? site.RootKind : ChangeKind.PropertyChanged;
        var oldType = SchemaShape.TypeName(before, oldSchema);
        var newType = SchemaShape.TypeName(after, newSchema);
        if (oldType != newType)
        {
            Report(kind, site, $"type {oldType} -> {newType}", _ => BreakingRules.PropertyTypeChanged);
            return;
        }

        foreach (var keyword in SchemaShape.ConstraintKeywords)
        {
            var was = SchemaShape.Constraint(oldSchema, keyword);
            var now = SchemaShape.Constraint(newSchema, keyword);
            if (was != now) Report(kind, site, $"{keyword} {was} -> {now}", _ => BreakingRules.ConstraintChanged);
        }
        Enums(oldSchema, newSchema, site);

        if (before.RefName(oldSchema) is { } reference)
        {
            VisitDefinition(reference, site);
            return;
        }
        if (oldType.StartsWith("array<", StringComparison.Ordinal))
            Node(oldSchema!["items"], newSchema!["items"], site with { Path = site.Path + "[]" }, isRoot: false);
        else if (oldType.StartsWith("map<", StringComparison.Ordinal))
            Node(oldSchema!["additionalProperties"], newSchema!["additionalProperties"], site with { Path = site.Path + "{}" }, isRoot: false);
        else if (SchemaShape.HasProperties(oldSchema) || SchemaShape.HasProperties(newSchema))
            Properties(oldSchema, newSchema, site);
    }

    private void VisitDefinition(string name, Site site)
    {
        ReachedDefinitions.Add(name);
        if (!_visited.Add((site.OperationId, site.Use, name))) return;
        Node(before.Definition(name), after.Definition(name), site with { Path = name, Definition = name }, isRoot: false);
    }

    private void Properties(JToken? oldSchema, JToken? newSchema, Site site)
    {
        var (oldProperties, oldRequired, oldParts) = SchemaShape.Properties(before, oldSchema);
        var (newProperties, newRequired, newParts) = SchemaShape.Properties(after, newSchema);
        // allOf parts are compared as part of this object; don't compare them again as unused definitions.
        ReachedDefinitions.UnionWith(oldParts.Intersect(newParts));
        foreach (var (name, schema) in newProperties)
        {
            if (oldProperties.ContainsKey(name)) continue;
            var required = newRequired.Contains(name);
            Report(ChangeKind.PropertyAdded, site with { Path = $"{site.Path}.{name}" },
                $"added, {(required ? "required" : "optional")} {SchemaShape.TypeName(after, schema)}",
                use => BreakingRules.PropertyAdded(required, use));
        }
        foreach (var (name, schema) in oldProperties)
        {
            var child = site with { Path = $"{site.Path}.{name}" };
            if (!newProperties.TryGetValue(name, out var newProperty))
            {
                Report(ChangeKind.PropertyRemoved, child, $"removed ({SchemaShape.TypeName(before, schema)})", _ => BreakingRules.PropertyRemoved);
                continue;
            }
            var wasRequired = oldRequired.Contains(name);
            var isRequired = newRequired.Contains(name);
            if (wasRequired != isRequired)
                Report(ChangeKind.PropertyChanged, child, isRequired ? "optional -> required" : "required -> optional",
                    use => BreakingRules.PropertyRequiredChanged(isRequired, use));
            Node(schema, newProperty, child, isRoot: false);
        }
    }

    private void Enums(JToken? oldSchema, JToken? newSchema, Site site)
    {
        var was = SchemaShape.EnumValues(oldSchema);
        var now = SchemaShape.EnumValues(newSchema);
        foreach (var value in now.Except(was))
            Report(ChangeKind.EnumValueAdded, site, $"value {value} added", _ => BreakingRules.EnumValueAdded);
        foreach (var value in was.Except(now))
            Report(ChangeKind.EnumValueRemoved, site, $"value {value} removed", _ => BreakingRules.EnumValueRemoved);
    }

    private void Report(ChangeKind kind, Site site, string what, Func<SchemaUse, bool> breaking)
    {
        if (site.Definition is not null) ChangedDefinitions.Add(site.Definition);
        sink.AddSchemaChange(kind, site.OperationId, $"{site.Path}: {what}", site.Use, breaking);
    }

    /// <summary>Where the walk is: the report path, the operation, how the schema is used, the enclosing definition.</summary>
    private sealed record Site(string Path, string? OperationId, SchemaUse Use, ChangeKind RootKind, string? Definition);
}
