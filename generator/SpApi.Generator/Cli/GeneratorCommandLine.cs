using SpApi.Generator.Generation;
using SpApi.Generator.Models;
using SpApi.Generator.Update;

namespace SpApi.Generator.Cli;

/// <summary>
/// Verbs of the generator (also what regenerate.ps1 and the build call):
/// <c>sync</c>, <c>generate</c>, <c>lock</c>, plus the update workflow's verbs.
/// </summary>
public static class GeneratorCommandLine
{
    public const string Usage = """
        Usage: dotnet run --project generator/SpApi.Generator -- <verb> [options]
          sync     [--repo DIR] [--source DIR]        copy the pinned models into models/ and verify every sha256
          generate [--repo DIR] --out DIR [--no-sync] sync, pre-process and generate C# for every pinned model
          generate-schemas [--repo DIR] --out DIR [--no-sync]
                                                      sync and generate C# types for every pinned JSON Schema (schemas/)
          lock     [--repo DIR] --from SNAPSHOT_DIR   pin the models and schemas of a snapshot folder (writes models/models.lock.json)
          diff     --old DIR --new DIR [--report FILE] [--fail-on-breaking]
                                                      API change report between two model folders
          update   (--from SNAPSHOT_DIR | --upstream [--upstream-url URL]) [--report FILE] [--repo DIR]
                   [--configuration Release] [--no-smoke]
                                                      diff, re-pin, sync, regenerate, build and smoke-run newer models;
                                                      restores the working tree if any step fails
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        // The model diff/update verbs parse their own options and report their own errors (Diff/, Update/).
        if (args[0] == "diff") return await Diff.DiffCommand.RunAsync(args[1..], cancellationToken);
        if (args[0] == "update") return await Update.UpdateCommand.RunAsync(args[1..], cancellationToken);
        try
        {
            var options = args[0] switch
            {
                "sync" => VerbOptions.Parse(args[1..], ["repo", "source"]),
                "generate" or "generate-schemas" => VerbOptions.Parse(args[1..], ["repo", "out", "source"], ["no-sync"]),
                "lock" => VerbOptions.Parse(args[1..], ["repo", "from"]),
                _ => throw new GeneratorException($"unknown verb '{args[0]}'.\n{Usage}"),
            };
            var paths = options.Value("repo") is { } repo ? new GeneratorPaths(Path.GetFullPath(repo)) : GeneratorPaths.Find();
            return args[0] switch
            {
                "sync" => Sync(paths, options),
                "generate" => await GenerateAsync(paths, options, cancellationToken),
                "generate-schemas" => await GenerateSchemasAsync(paths, options, cancellationToken),
                "lock" => Lock(paths, options),
                _ => throw new GeneratorException($"unknown verb '{args[0]}'.\n{Usage}"),
            };
        }
        catch (VerbUsageException e)
        {
            Console.Error.WriteLine($"{args[0]}: {e.Message}\n{Usage}");
            return 2;
        }
        catch (GeneratorException e)
        {
            // One clear line; MSBuild shows it as an error of the build (see SpApi.Clients.csproj).
            Console.Error.WriteLine($"error SPAPI001: {e.Message}");
            return 1;
        }
    }

    private static int Sync(GeneratorPaths paths, VerbOptions options)
    {
        new ModelSync(paths.RepoRoot, Console.WriteLine).Sync(options.Value("source"));
        return 0;
    }

    private static ModelLock SyncOrVerify(GeneratorPaths paths, VerbOptions options)
    {
        var sync = new ModelSync(paths.RepoRoot, Console.WriteLine);
        var lockFile = options.Flag("no-sync") ? ModelLock.Load(sync.LockPath) : sync.Sync(options.Value("source"));
        if (options.Flag("no-sync")) sync.Verify(lockFile);
        return lockFile;
    }

    private static async Task<int> GenerateSchemasAsync(GeneratorPaths paths, VerbOptions options, CancellationToken ct)
    {
        var output = options.Required("out");
        var lockFile = SyncOrVerify(paths, options);
        var schemas = await Schemas.SchemaGeneration.GenerateAsync(Path.Combine(paths.RepoRoot, "schemas"),
            lockFile.Schemas.Select(f => f.Path).ToArray(), Path.GetFullPath(output), ct);
        Console.WriteLine($"generated {schemas.Count} schemas, {schemas.Sum(s => s.TypeCount)} types");
        return 0;
    }

    private static async Task<int> GenerateAsync(GeneratorPaths paths, VerbOptions options, CancellationToken ct)
    {
        var output = options.Required("out");
        var lockFile = SyncOrVerify(paths, options);
        var result = await new ClientGeneration(paths, Console.WriteLine)
            .GenerateAsync(paths.ModelsDir, lockFile.Files.Select(f => f.Path).ToArray(), Path.GetFullPath(output), ct);
        Console.WriteLine($"generated {result.Models.Count} clients, {result.Operations.Count()} operations ({result.FilesWritten} files changed) in {result.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static int Lock(GeneratorPaths paths, VerbOptions options)
    {
        var from = options.Required("from");
        var lockFile = ModelLock.FromSnapshot(from);
        lockFile.Save(Path.Combine(paths.ModelsDir, ModelLock.FileName));
        Console.WriteLine($"pinned {lockFile.Files.Count} model files and {lockFile.Schemas.Count} schema files at commit {lockFile.Commit}");
        return 0;
    }
}
