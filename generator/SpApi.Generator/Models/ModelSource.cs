namespace SpApi.Generator.Models;

/// <summary>A folder holding an upstream <c>models/</c> tree (a snapshot folder or the models folder itself).</summary>
public sealed class ModelSource
{
    private ModelSource(string modelsDir, string description)
    {
        ModelsDir = modelsDir;
        Description = description;
    }

    public string ModelsDir { get; }

    /// <summary>The upstream <c>schemas/</c> folder beside <c>models/</c> (may not exist).</summary>
    public string SchemasDir => Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(ModelsDir))!, "schemas");

    /// <summary>The schema kinds pinned and generated (data-kiosk holds GraphQL, not JSON Schema).</summary>
    public static readonly string[] SchemaKinds = ["notifications", "reports", "feeds"];
    public string Description { get; }

    public static ModelSource FromFolder(string dir, string? description = null)
    {
        dir = Path.GetFullPath(dir);
        var nested = Path.Combine(dir, "models");
        var modelsDir = Directory.Exists(nested) ? nested : dir;
        if (!Directory.Exists(modelsDir))
            throw new GeneratorException($"Model source folder not found: {dir}.");
        return new ModelSource(modelsDir, description ?? dir);
    }

    /// <summary>Model files (relative, forward slashes), sorted. Only Swagger documents, not schemas.</summary>
    public IReadOnlyList<string> ListModelFiles() =>
        Directory.EnumerateFiles(ModelsDir, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ModelsDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>JSON Schema files (and their <c>*.example.json</c>) of <see cref="SchemaKinds"/>, relative to <see cref="SchemasDir"/>, sorted.</summary>
    public IReadOnlyList<string> ListSchemaFiles() =>
        SchemaKinds
            .Select(kind => Path.Combine(SchemasDir, kind))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(SchemasDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
