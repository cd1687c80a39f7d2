using SpApi.Generator.Generation;
using SpApi.Generator.Models;

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
          lock     [--repo DIR] --from SNAPSHOT_DIR   pin the models of a snapshot folder (writes models/models.lock.json)
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
            var options = Options.Parse(args.Skip(1).ToArray());
            var paths = options.Repo is { } repo ? new GeneratorPaths(Path.GetFullPath(repo)) : GeneratorPaths.Find();
            return args[0] switch
            {
                "sync" => Sync(paths, options),
                "generate" => await GenerateAsync(paths, options, cancellationToken),
                "lock" => Lock(paths, options),
                _ => throw new GeneratorException($"unknown verb '{args[0]}'.\n{Usage}"),
            };
        }
        catch (GeneratorException e)
        {
            // One clear line; MSBuild shows it as an error of the build (see SpApi.Clients.csproj).
            Console.Error.WriteLine($"error SPAPI001: {e.Message}");
            return 1;
        }
    }

    private static int Sync(GeneratorPaths paths, Options options)
    {
        new ModelSync(paths.RepoRoot, Console.WriteLine).Sync(options.Get("source"));
        return 0;
    }

    private static async Task<int> GenerateAsync(GeneratorPaths paths, Options options, CancellationToken ct)
    {
        var output = options.Get("out") ?? throw new GeneratorException("generate needs --out DIR.");
        var sync = new ModelSync(paths.RepoRoot, Console.WriteLine);
        var lockFile = options.Has("no-sync") ? ModelLock.Load(sync.LockPath) : sync.Sync(options.Get("source"));
        if (options.Has("no-sync")) sync.Verify(lockFile);
        var result = await new ClientGeneration(paths, Console.WriteLine)
            .GenerateAsync(paths.ModelsDir, lockFile.Files.Select(f => f.Path).ToArray(), Path.GetFullPath(output), ct);
        Console.WriteLine($"generated {result.Models.Count} clients, {result.Operations.Count()} operations ({result.FilesWritten} files changed) in {result.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static int Lock(GeneratorPaths paths, Options options)
    {
        var from = options.Get("from") ?? throw new GeneratorException("lock needs --from SNAPSHOT_DIR.");
        var lockFile = ModelLock.FromSnapshot(from);
        lockFile.Save(Path.Combine(paths.ModelsDir, ModelLock.FileName));
        Console.WriteLine($"pinned {lockFile.Files.Count} model files at commit {lockFile.Commit}");
        return 0;
    }
}

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parsing for the generator's verbs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new GeneratorException($"unexpected argument '{args[i]}'.");
            var name = args[i][2..];
            string? value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            o._values[name] = value;
        }
        return o;
    }

    public string? Repo => Get("repo");
    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;
    public bool Has(string name) => _values.ContainsKey(name);
}
