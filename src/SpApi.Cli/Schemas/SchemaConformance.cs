using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Matching;
using SpApi.Schemas;

namespace SpApi.Cli.Schemas;

/// <summary>One example checked against its generated type.</summary>
/// <param name="Schema">The schema file (or <c>*.example.json</c> file) under <c>schemas/</c>.</param>
/// <param name="Example">Index in the schema's top-level <c>examples</c> (0 for an example file).</param>
public sealed record SchemaCase(string Schema, int Example, bool Passed, string? Error)
{
    public override string ToString() => $"{Schema}#{Example}";
}

/// <summary>
/// <c>spapi schemas check</c>: every top-level <c>examples</c> entry of every pinned schema, and every
/// <c>*.example.json</c>, is read into the type generated for its schema and written back; every value of the
/// example must survive (the smoke run's semantic comparison: member order, number formatting and members the
/// type adds are ignored).
/// </summary>
public static class SchemaConformance
{
    public const string EnvironmentVariable = "SPAPI_SCHEMAS_DIR";

    /// <summary>Every case of every schema in the catalog, read from <paramref name="schemasDir"/>.</summary>
    public static IReadOnlyList<SchemaCase> Run(string schemasDir, IEnumerable<SchemaEntry>? schemas = null)
    {
        var cases = new List<SchemaCase>();
        foreach (var entry in schemas ?? SchemaCatalog.All)
        {
            var path = Path.Combine(schemasDir, entry.SchemaFile);
            JToken schema;
            try { schema = SchemaJson.Parse(File.ReadAllText(path)); }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                cases.Add(new SchemaCase(entry.SchemaFile, 0, false, $"cannot read the schema: {e.Message}"));
                continue;
            }
            if (schema["examples"] is JArray examples)
                for (var i = 0; i < examples.Count; i++)
                    cases.Add(Check(entry.SchemaFile, i, examples[i], entry.RootType));

            var exampleFile = entry.SchemaFile[..^".json".Length] + ".example.json";
            var examplePath = Path.Combine(schemasDir, exampleFile);
            if (!File.Exists(examplePath)) continue;
            JToken example;
            try { example = SchemaJson.Parse(File.ReadAllText(examplePath)); }
            catch (JsonException e)
            {
                cases.Add(new SchemaCase(exampleFile, 0, false, $"not JSON: {e.Message}"));
                continue;
            }
            cases.Add(Check(exampleFile, 0, example, entry.RootType));
        }
        return cases;
    }

    /// <summary>Reads <paramref name="example"/> as <paramref name="type"/>, writes it back, and compares.</summary>
    public static SchemaCase Check(string schema, int index, JToken example, Type type)
    {
        try
        {
            var typed = SchemaJson.ToObject(example, type);
            if (typed is null) return new SchemaCase(schema, index, false, $"read as {type.Name}: null");
            var back = SchemaJson.ToToken(typed);
            var differences = JsonSemantic.FindDifferences(example, back, JsonComparison.ExpectedOnly, max: 3);
            return differences.Count == 0
                ? new SchemaCase(schema, index, true, null)
                : new SchemaCase(schema, index, false, $"{type.FullName}: " + string.Join("; ", differences.Select(d => d.Message)));
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or FormatException or ArgumentException)
        {
            return new SchemaCase(schema, index, false, $"{type.FullName}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary><c>{ total, passed, failed, cases: [ { schema, example, outcome, error } ] }</c>.</summary>
    public static JObject Report(IReadOnlyList<SchemaCase> cases) => new()
    {
        ["total"] = cases.Count,
        ["passed"] = cases.Count(c => c.Passed),
        ["failed"] = cases.Count(c => !c.Passed),
        ["cases"] = new JArray(cases.Select(c => new JObject
        {
            ["schema"] = c.Schema,
            ["example"] = c.Example,
            ["outcome"] = c.Passed ? "passed" : "failed",
            ["error"] = c.Error,
        })),
    };

    /// <summary>
    /// An explicit directory, else <c>SPAPI_SCHEMAS_DIR</c>, else the repository's synced <c>schemas/</c> (beside
    /// <c>models/models.lock.json</c>), searched upward from the current and the application's directory.
    /// </summary>
    public static string Locate(string? explicitDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
            return Directory.Exists(explicitDirectory) ? Path.GetFullPath(explicitDirectory) : throw new DirectoryNotFoundException($"Schemas directory not found: {explicitDirectory}.");
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
            return Directory.Exists(env) ? Path.GetFullPath(env) : throw new DirectoryNotFoundException($"{EnvironmentVariable} names a missing directory: {env}.");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "models", "models.lock.json")) && Directory.Exists(Path.Combine(dir.FullName, "schemas")))
                    return Path.Combine(dir.FullName, "schemas");
        throw new DirectoryNotFoundException($"Cannot find the pinned schemas: pass --schemas DIR, set {EnvironmentVariable}, or build the repository (it syncs schemas/).");
    }
}
