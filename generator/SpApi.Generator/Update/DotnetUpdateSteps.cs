using System.Text.RegularExpressions;
using SpApi.Generator.Generation;

namespace SpApi.Generator.Update;

/// <summary>
/// The real steps: in-process generation (so a model NSwag cannot handle is named before any compile),
/// <c>dotnet build src/SpApi.Clients</c> (which regenerates into obj/ and compiles), and
/// <c>spapi smoke</c> when the CLI has that verb.
/// </summary>
public sealed partial class DotnetUpdateSteps(string configuration, Action<string> log) : IUpdateSteps
{
    private const string ClientsProject = "src/SpApi.Clients/SpApi.Clients.csproj";
    private const string CliProject = "src/SpApi.Cli/SpApi.Cli.csproj";

    public async Task<string> GenerateAsync(string repositoryRoot, IReadOnlyList<string> modelFiles, CancellationToken cancellationToken)
    {
        var output = Directory.CreateTempSubdirectory("spapi-update-generate-").FullName;
        try
        {
            var result = await new ClientGeneration(new GeneratorPaths(repositoryRoot), log)
                .GenerateAsync(Path.Combine(repositoryRoot, "models"), modelFiles, output, cancellationToken);
            return $"{result.Models.Count} clients, {result.Operations.Count()} operations in {result.Elapsed.TotalSeconds:0.0} s";
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    public async Task<string> BuildAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        await RunDotnetAsync(repositoryRoot, ["build", ClientsProject, "-c", configuration, "-nologo", "-nr:false", "-v:q"], "build", ErrorLines, cancellationToken);
        return $"{ClientsProject} built ({configuration}) in {(DateTime.UtcNow - started).TotalSeconds:0} s";
    }

    public async Task<string?> SmokeAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        if (SmokeVerb(repositoryRoot) is not { } verb) return null;
        // The smoke cases must come from the models just synced, whatever the caller's environment says.
        var models = new Dictionary<string, string> { ["SPAPI_MODELS_DIR"] = Path.Combine(repositoryRoot, "models") };
        var output = await RunDotnetAsync(repositoryRoot, ["run", "--project", CliProject, "-c", configuration, "--", .. verb.Split(' ')], "smoke run",
            lines => lines.TakeLast(20), cancellationToken, models);
        var lines = Lines(output);
        return $"spapi {verb}: " + (lines.LastOrDefault(l => SmokeTotals().IsMatch(l)) ?? lines.LastOrDefault() ?? "passed");
    }

    /// <summary>
    /// The CLI verb that runs the smoke cases (<c>smoke</c>, <c>sandbox smoke</c>…), or null when there is none yet.
    /// CLI verbs are classes found by reflection, one file each, so their declared names are searched.
    /// </summary>
    public static string? SmokeVerb(string repositoryRoot)
    {
        var cli = Path.Combine(repositoryRoot, "src", "SpApi.Cli");
        if (!Directory.Exists(cli)) return null;
        return Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => SmokeVerbName().Match(File.ReadAllText(f)))
            .Where(m => m.Success)
            .Select(m => m.Groups["verb"].Value)
            .OrderBy(v => v.Length)
            .FirstOrDefault();
    }

    /// <summary>Runs dotnet; on failure throws with the lines <paramref name="explain"/> picks from its output.</summary>
    private async Task<string> RunDotnetAsync(string repositoryRoot, string[] arguments, string step,
        Func<IReadOnlyList<string>, IEnumerable<string>> explain, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        log($"{step}: dotnet {string.Join(' ', arguments)}");
        var (exitCode, output) = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, arguments, repositoryRoot, cancellationToken, environment);
        if (exitCode == 0) return output;
        throw new UpdateStepException($"dotnet {string.Join(' ', arguments)} exited with {exitCode}:\n  " + string.Join("\n  ", explain(Lines(output))));
    }

    /// <summary>Compiler and generator errors (each once), or the end of the output when none is marked.</summary>
    private static IEnumerable<string> ErrorLines(IReadOnlyList<string> lines)
    {
        var errors = lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(15).ToList();
        return errors.Count > 0 ? errors : lines.TakeLast(15);
    }

    private static IReadOnlyList<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"\bName\s*(=>|\{\s*get;?\s*\}\s*=)\s*""(?<verb>[a-z ]*\bsmoke\b[a-z ]*)""")]
    private static partial Regex SmokeVerbName();

    [GeneratedRegex(@"\d+ cases, \d+ passed")]
    private static partial Regex SmokeTotals();
}
