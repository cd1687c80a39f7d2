using System.Collections.Concurrent;
using System.Diagnostics;
using Newtonsoft.Json.Linq;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using SpApi.Generator.Models;
using SpApi.Generator.Preprocessing;
using SpApi.Runtime;

namespace SpApi.Generator.Generation;

/// <summary>What one generation run produced.</summary>
public sealed record GenerationResult(
    IReadOnlyList<GeneratedModel> Models,
    int FilesWritten,
    TimeSpan Elapsed)
{
    public IEnumerable<OperationMetadata> Operations => Models.SelectMany(m => m.Operations);
}

/// <summary>One model file turned into code.</summary>
public sealed record GeneratedModel(string ModelFile, ApiName Name, IReadOnlyList<OperationMetadata> Operations,
    IReadOnlyDictionary<string, int> TransformsApplied);

/// <summary>
/// Turns model files into C#: pre-process each model, read its operation metadata, run NSwag in-process
/// (all models in one process, in parallel), and write one client file plus one metadata file per model
/// and the catalog. Files are written only when their content changed, so MSBuild's incremental
/// compile is not disturbed by a regeneration that changes nothing.
/// </summary>
public sealed class ClientGeneration(GeneratorPaths paths, Action<string>? log = null)
{
    private readonly Action<string> _log = log ?? (_ => { });

    public async Task<GenerationResult> GenerateAsync(string modelsDir, IReadOnlyList<string> modelFiles, string outputDir, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var tables = OperationTables.Load(paths);
        var nswag = NSwagSettingsLoader.ReadSection(paths.NSwagJson);
        var outputs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var models = new ConcurrentBag<GeneratedModel>();
        await Parallel.ForEachAsync(modelFiles, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (relative, ct) =>
            {
                var generated = await GenerateModelAsync(Path.Combine(modelsDir, relative), tables, nswag, ct);
                outputs[generated.Model.Name.Namespace + ".g.cs"] = generated.ClientCode;
                outputs[generated.Model.Name.Namespace + ".Operations.g.cs"] = MetadataEmitter.EmitClientCompanion(generated.Model.Name, generated.Model.Operations);
                if (generated.PagingCode is not null)
                    outputs[generated.Model.Name.Namespace + ".Paging.g.cs"] = generated.PagingCode;
                models.Add(generated.Model);
            });

        var ordered = models.OrderBy(m => m.Name.Namespace, StringComparer.Ordinal).ToArray();
        var duplicate = ordered.GroupBy(m => m.Name.Namespace).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new GeneratorException($"Model files {string.Join(" and ", duplicate.Select(m => m.ModelFile))} map to the same namespace {duplicate.Key}; add an override in ApiName.");
        var unmatched = tables.Unmatched(ordered.SelectMany(m => m.Operations).Select(o => o.Key)).ToArray();
        if (unmatched.Length > 0)
            _log($"warning: restricted/grantless table entries match no operation: {string.Join(", ", unmatched)}");

        outputs["SpApi.Clients.Catalog.g.cs"] = MetadataEmitter.EmitCatalog(ordered.Select(m => m.Name).ToArray());
        outputs["SpApi.Clients.Registrations.g.cs"] = StartupEmitter.EmitRegistrations(ordered.Select(m => m.Name).ToArray());
        outputs["SpApi.Clients.RestrictedOperations.g.cs"] = StartupEmitter.EmitRestrictedOperations(paths.RestrictedOperationsJson);
        outputs["SpApi.Clients.GrantlessOperations.g.cs"] = StartupEmitter.EmitGrantlessOperations(ordered.SelectMany(m => m.Operations));
        var written = GeneratedFiles.WriteChanged(outputDir, outputs);
        return new GenerationResult(ordered, written, stopwatch.Elapsed);
    }

    private static async Task<(GeneratedModel Model, string ClientCode, string? PagingCode)> GenerateModelAsync(string path, OperationTables tables, NSwagSettingsLoader.Section nswag, CancellationToken ct)
    {
        var fileName = Path.GetFileName(path);
        JObject model;
        try { model = JObject.Parse(await File.ReadAllTextAsync(path, ct)); }
        catch (Newtonsoft.Json.JsonException e) { throw new GeneratorException($"{fileName} is not valid JSON: {e.Message}"); }

        // Before anything reads it: a model that would need more than literals and plain identifiers is refused here.
        UntrustedModelPolicy.Apply(model, fileName);
        var name = ApiName.FromModelFile(fileName, model["info"]?.Value<string>("version"));
        var applied = ModelPreprocessor.Apply(model, fileName);
        var pagination = PaginationDetector.DetectAll(model);
        var operations = ModelOperations.Read(model, fileName, name, tables, pagination);

        OpenApiDocument document;
        // The policy refuses what it knows; anything else NSwag cannot read is still a refusal naming the file (and the reader's JSON path), never a crash.
        try { document = await OpenApiDocument.FromJsonAsync(model.ToString(Newtonsoft.Json.Formatting.None), path, ct); }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new GeneratorException($"{fileName}: NSwag cannot read the model: {UntrustedModelPolicy.Printable(e.Message)}");
        }
        var settings = nswag.Create();
        settings.CSharpGeneratorSettings.Namespace = name.Namespace;
        settings.ClassName = name.ClientClass;
        string code;
        string? paging;
        try
        {
            var generator = CapturingClientGenerator.Create(document, settings);
            code = generator.GenerateFile();
            paging = PagingEmitter.Emit(name, document, generator, pagination);
        }
        catch (Exception e) when (e is not GeneratorException) { throw new GeneratorException($"NSwag failed on {fileName}: {e.Message}"); }
        // The registrations (StartupEmitter) reference this constructor for every client: a settings change that drops it
        // (Client.Class.liquid emits it for an injected HttpClient as the only constructor parameter) fails here, not in them.
        if (!code.Contains($"internal {name.ClientClass}(System.Func<", StringComparison.Ordinal))
            throw new GeneratorException($"{fileName}: {name.ClientClass} has no constructor taking its HttpClient on the first call; " +
                "nswag.json must inject the HttpClient (injectHttpClient, httpClientType System.Net.Http.HttpClient) as the only constructor parameter.");
        return (new GeneratedModel(fileName, name, operations, applied), code, paging);
    }
}
