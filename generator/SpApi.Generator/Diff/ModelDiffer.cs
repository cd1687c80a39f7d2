using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Diff;

/// <summary>
/// Semantic diff of two model versions. Files are matched by their path under <c>models/</c>, operations by
/// operationId (the C# method name), parameters by name, properties by name within the definitions each
/// operation reaches. Descriptions, examples, vendor extensions and ordering never count as API changes; they
/// are reported as <see cref="ChangeKind.DocumentationChanged"/>.
/// </summary>
public static class ModelDiffer
{
    public static ApiChangeReport Compare(ModelSet before, ModelSet after)
    {
        var changes = new List<ModelChange>();
        foreach (var file in before.Files.Keys.Union(after.Files.Keys).Order(StringComparer.Ordinal))
        {
            before.Files.TryGetValue(file, out var old);
            after.Files.TryGetValue(file, out var now);
            changes.AddRange(old is null ? Added(now!) : now is null ? Removed(old) : CompareFile(old, now));
        }
        return new ApiChangeReport(before.Commit, after.Commit, changes);
    }

    private static IEnumerable<ModelChange> Added(SwaggerDocument document)
    {
        yield return new ModelChange(ChangeKind.ModelFileAdded, document.ModelFile, null, BreakingRules.ModelFileAdded,
            $"new API {document.Title} with {Operations(document)}");
        foreach (var op in document.Operations)
            yield return new ModelChange(ChangeKind.OperationAdded, document.ModelFile, op.Key, BreakingRules.OperationAdded, $"{op.Route} (new model file)");
    }

    private static IEnumerable<ModelChange> Removed(SwaggerDocument document)
    {
        yield return new ModelChange(ChangeKind.ModelFileRemoved, document.ModelFile, null, BreakingRules.ModelFileRemoved,
            $"API {document.Title} removed with its {Operations(document)}");
        foreach (var op in document.Operations)
            yield return new ModelChange(ChangeKind.OperationRemoved, document.ModelFile, op.Key, BreakingRules.OperationRemoved, $"{op.Route} (model file removed)");
    }

    private static string Operations(SwaggerDocument document) =>
        document.Operations.Count == 1 ? "1 operation" : $"{document.Operations.Count} operations";

    private static IEnumerable<ModelChange> CompareFile(SwaggerDocument old, SwaggerDocument now)
    {
        var sink = new ChangeSink(now.ModelFile);
        if (old.Root.ToString(Newtonsoft.Json.Formatting.None) == now.Root.ToString(Newtonsoft.Json.Formatting.None))
        {
            // The lock file's hash for it changes, so say why.
            if (old.Text != now.Text)
                sink.Add(ChangeKind.DocumentationChanged, null, BreakingRules.DocumentationChanged, "document: formatting only (whitespace), same content");
            return sink.Changes();
        }

        var schemas = new SchemaComparer(old, now, sink);
        var operations = new OperationComparer(old, now, sink, schemas);
        var oldOps = old.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var newOps = now.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);

        foreach (var op in now.Operations.Where(o => !oldOps.ContainsKey(o.Key)))
            sink.Add(ChangeKind.OperationAdded, op.Key, BreakingRules.OperationAdded, op.Deprecated ? $"{op.Route} (deprecated)" : op.Route);
        foreach (var op in old.Operations.Where(o => !newOps.ContainsKey(o.Key)))
            sink.Add(ChangeKind.OperationRemoved, op.Key, BreakingRules.OperationRemoved, op.Route);
        foreach (var op in old.Operations.Where(o => newOps.ContainsKey(o.Key)))
        {
            var replacement = newOps[op.Key];
            operations.Compare(op, replacement);
            Documentation(sink, op.Key, $"{replacement.Route}", op.Json, replacement.Json);
        }

        // Definitions no shared operation reaches still become C# types; compare them on their own.
        var common = old.Definitions.Properties().Select(p => p.Name).Intersect(now.Definitions.Properties().Select(p => p.Name)).ToList();
        foreach (var name in common.Where(n => !schemas.ReachedDefinitions.Contains(n)).ToList())
            schemas.CompareDefinition(name, operationId: null, SchemaUse.Both);
        foreach (var name in common)
            Documentation(sink, null, $"definition {name}", old.Definition(name), now.Definition(name), schemas.ChangedDefinitions.Contains(name));

        Documentation(sink, null, "document", TopLevel(old.Root), TopLevel(now.Root));
        return sink.Changes();
    }

    /// <summary>
    /// Reports edited documentation, and edits that changed nothing the comparers look at (re-ordering, media
    /// types, headers): both leave the C# API as it is.
    /// </summary>
    private static void Documentation(ChangeSink sink, string? operationId, string unit, JToken old, JToken now, bool apiChanged = false)
    {
        var (oldApi, oldDocs) = DocumentationSplit.Split(old);
        var (newApi, newDocs) = DocumentationSplit.Split(now);
        var notes = new List<string>();
        var edited = DocumentationSplit.ChangedPaths(oldDocs, newDocs);
        if (edited.Count > 0) notes.Add($"documentation edited ({JsonDifferences.Join(edited)})");
        var apiReported = apiChanged || (operationId is not null && sink.HasChange(operationId));
        if (!apiReported && oldApi.ToString() != newApi.ToString())
            notes.Add(JsonDifferences.SameIgnoringOrder(oldApi, newApi)
                ? "re-ordered, no API change"
                : $"changed without C# API impact ({JsonDifferences.Join(JsonDifferences.Paths(oldApi, newApi))})");
        if (notes.Count > 0)
            sink.Add(ChangeKind.DocumentationChanged, operationId, BreakingRules.DocumentationChanged, $"{unit}: {string.Join("; ", notes)}");
    }

    private static JObject TopLevel(JObject root)
    {
        var copy = (JObject)root.DeepClone();
        copy.Remove("paths");
        copy.Remove("definitions");
        copy.Remove("parameters");
        return copy;
    }
}
