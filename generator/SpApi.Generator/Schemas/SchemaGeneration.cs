using System.Collections.Concurrent;
using System.Text;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;
using SpApi.Generator.Generation;

namespace SpApi.Generator.Schemas;

/// <summary>One generated schema: its file, where its types went, how many types.</summary>
/// <param name="NotificationTypes">NotificationType values the schema's examples carry (notifications only).</param>
/// <param name="PayloadVersions">PayloadVersion values the schema's examples carry.</param>
public sealed record GeneratedSchema(string SchemaFile, SchemaTypeName Name, int TypeCount,
    IReadOnlyList<string> NotificationTypes, IReadOnlyList<string> PayloadVersions);

/// <summary>
/// Generates C# types (NJsonSchema, the engine NSwag uses for the clients) for every pinned JSON Schema
/// under <c>schemas/</c> (examples are data, not schemas), one namespace per schema, plus a catalog that
/// maps each schema file to its root type (used by the notification reader and <c>spapi schemas check</c>).
/// The types are read with the clients' tolerant settings (<c>SpApi.Runtime.Json.SpApiJson</c>).
/// </summary>
public static class SchemaGeneration
{
    public static async Task<IReadOnlyList<GeneratedSchema>> GenerateAsync(string schemasDir, IReadOnlyList<string> schemaFiles, string outputDir, CancellationToken cancellationToken)
    {
        var outputs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var generated = new ConcurrentBag<GeneratedSchema>();
        var files = schemaFiles.Where(f => !f.EndsWith(".example.json", StringComparison.OrdinalIgnoreCase)).ToArray();
        await Parallel.ForEachAsync(files, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (relative, ct) =>
            {
                var name = SchemaTypeName.FromPath(relative);
                JsonSchema schema;
                IReadOnlyList<string> types, versions;
                var path = Path.Combine(schemasDir, relative);
                try
                {
                    var json = Newtonsoft.Json.Linq.JToken.Parse(await File.ReadAllTextAsync(path, ct));
                    types = ExampleValues(json, "notificationType");
                    versions = ExampleValues(json, "payloadVersion");
                    var exampleFile = path[..^".json".Length] + ".example.json";
                    JToken[] extra = File.Exists(exampleFile) ? [Newtonsoft.Json.Linq.JToken.Parse(await File.ReadAllTextAsync(exampleFile, ct))] : [];
                    SchemaQuirks.Apply(json, extra);
                    schema = await JsonSchema.FromJsonAsync(json.ToString(Newtonsoft.Json.Formatting.None), path, ct);
                }
                catch (Exception e) { throw new GeneratorException($"schemas/{relative} is not a readable JSON Schema: {e.Message}"); }
                schema.Title = name.ClassName;
                var generator = new CSharpGenerator(schema, Settings(name.Namespace));
                var code = EnsureRootClass(generator.GenerateFile(), name);
                outputs[name.Namespace + ".g.cs"] = code;
                generated.Add(new GeneratedSchema(relative, name, CountTypes(code), types, versions));
            });
        var ordered = generated.OrderBy(g => g.SchemaFile, StringComparer.Ordinal).ToArray();
        var duplicate = ordered.GroupBy(g => g.Name.Namespace).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new GeneratorException($"Schemas {string.Join(" and ", duplicate.Select(g => g.SchemaFile))} map to the same namespace {duplicate.Key}.");
        outputs["SpApi.Schemas.Catalog.g.cs"] = EmitCatalog(ordered);
        GeneratedFiles.WriteChanged(outputDir, outputs);
        return ordered;
    }

    private static CSharpGeneratorSettings Settings(string ns) => new()
    {
        Namespace = ns,
        ClassStyle = CSharpClassStyle.Poco,
        JsonLibrary = CSharpJsonLibrary.NewtonsoftJson,
        DateTimeType = "System.DateTimeOffset",
        DateType = "System.DateTimeOffset",
        TimeType = "System.TimeSpan",
        ArrayType = "System.Collections.Generic.ICollection",
        ArrayInstanceType = "System.Collections.ObjectModel.Collection",
        ArrayBaseType = "System.Collections.ObjectModel.Collection",
        DictionaryType = "System.Collections.Generic.IDictionary",
        DictionaryInstanceType = "System.Collections.Generic.Dictionary",
        DictionaryBaseType = "System.Collections.Generic.Dictionary",
        GenerateDataAnnotations = false,
        // Defaults would add values the message did not carry; a reader must show what arrived.
        GenerateDefaultValues = false,
        GenerateNullableReferenceTypes = false,
        RequiredPropertiesMustBeDefined = false,
        AnyType = "object",
    };

    /// <summary>
    /// A root without properties (an open object) gets no class from NJsonSchema; every schema must have its
    /// root type, so such a root becomes a class keeping every member as extension data.
    /// </summary>
    private static string EnsureRootClass(string code, SchemaTypeName name)
    {
        if (code.Contains($" partial class {name.ClassName}\n", StringComparison.Ordinal) || code.Contains($" partial class {name.ClassName}\r", StringComparison.Ordinal)
            || code.Contains($" partial class {name.ClassName} ", StringComparison.Ordinal))
            return code;
        var end = code.LastIndexOf('}');
        if (end < 0) throw new GeneratorException($"NJsonSchema produced no namespace for {name.FullName}.");
        var root = $$"""
                /// <summary>The schema gives this document no members: every member it carries is kept in <see cref="AdditionalProperties"/>.</summary>
                public partial class {{name.ClassName}}
                {
                    private System.Collections.Generic.IDictionary<string, object> _additionalProperties;

                    [Newtonsoft.Json.JsonExtensionData]
                    public System.Collections.Generic.IDictionary<string, object> AdditionalProperties
                    {
                        get { return _additionalProperties ?? (_additionalProperties = new System.Collections.Generic.Dictionary<string, object>()); }
                        set { _additionalProperties = value; }
                    }
                }

            """;
        return code[..end] + root + code[end..];
    }

    /// <summary>Distinct string values of a top-level member (any casing) across the schema's examples.</summary>
    private static IReadOnlyList<string> ExampleValues(Newtonsoft.Json.Linq.JToken schema, string member) =>
        (schema["examples"] as Newtonsoft.Json.Linq.JArray ?? [])
            .OfType<Newtonsoft.Json.Linq.JObject>()
            .Select(e => e.GetValue(member, StringComparison.OrdinalIgnoreCase))
            .OfType<Newtonsoft.Json.Linq.JValue>()
            .Where(v => v.Type == Newtonsoft.Json.Linq.JTokenType.String)
            .Select(v => (string)v!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string Array(IReadOnlyList<string> values) =>
        values.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", values.Select(v => Newtonsoft.Json.JsonConvert.ToString(v))) + " }";

    private static int CountTypes(string code) =>
        code.Split('\n').Count(l => l.Contains(" partial class ", StringComparison.Ordinal) || l.Contains(" enum ", StringComparison.Ordinal));

    private static string EmitCatalog(IReadOnlyList<GeneratedSchema> schemas)
    {
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated>SpApi.Generator: catalog of the types generated from the pinned JSON Schemas</auto-generated>");
        sb.AppendLine("#nullable enable");
        sb.AppendLine("namespace SpApi.Schemas");
        sb.AppendLine("{");
        sb.AppendLine("    /// <summary>Every pinned schema file (path under <c>schemas/</c>) and the generated type of its root.</summary>");
        sb.AppendLine("    public static partial class SchemaCatalog");
        sb.AppendLine("    {");
        sb.AppendLine("        /// <summary>One entry per pinned schema, ordered by file path; <c>NotificationReader</c> types notifications with the notification entries.</summary>");
        sb.AppendLine("        public static global::System.Collections.Generic.IReadOnlyList<SchemaEntry> All { get; } = new SchemaEntry[]");
        sb.AppendLine("        {");
        foreach (var s in schemas)
            sb.AppendLine($"            new SchemaEntry({Newtonsoft.Json.JsonConvert.ToString(s.SchemaFile)}, \"{s.Name.Kind.ToLowerInvariant()}\", typeof(global::{s.Name.FullName}), {s.TypeCount}, {Array(s.NotificationTypes)}, {Array(s.PayloadVersions)}),");
        sb.AppendLine("        };");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }
}
