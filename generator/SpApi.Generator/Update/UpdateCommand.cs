using SpApi.Generator.Diff;
using SpApi.Generator.Generation;

namespace SpApi.Generator.Update;

/// <summary>
/// <c>update --from SNAPSHOT_DIR [--report FILE] [--repo DIR] [--configuration C] [--no-smoke]</c>: the update
/// workflow (see <see cref="ModelUpdate"/> and the README, "Picking up new SP-API models"). regenerate.ps1 -ModelsFrom passes its
/// arguments straight through to this verb. Exit codes: 0 updated, 1 failed (working tree restored), 2 usage.
/// </summary>
public static class UpdateCommand
{
    public const string Usage = "update (--from <snapshot dir> | --upstream [--upstream-url <git url>]) [--report <file>] [--repo <dir>] [--configuration Release] [--no-smoke]";

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        RunAsync(args, steps: null, Console.Out, Console.Error, cancellationToken);

    /// <param name="steps">The generate/build/smoke steps; the real dotnet ones when null.</param>
    public static async Task<int> RunAsync(string[] args, IUpdateSteps? steps, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        UpdateRequest request;
        string configuration;
        try
        {
            var options = VerbOptions.Parse(args, ["from", "report", "repo", "configuration", "upstream-url"], ["no-smoke", "upstream"]);
            if (options.Positional.Count > 0) throw new VerbUsageException($"unexpected argument '{options.Positional[0]}'.");
            var upstream = options.Flag("upstream") || options.Value("upstream-url") is not null;
            if (upstream == (options.Value("from") is not null))
                throw new VerbUsageException("pass either --from <snapshot dir> or --upstream (to clone the latest upstream models).");
            var root = options.Value("repo") is { } repo ? Path.GetFullPath(repo) : GeneratorPaths.Find().RepoRoot;
            request = new UpdateRequest(root, options.Value("from"), options.Value("report"), Smoke: !options.Flag("no-smoke"), Upstream: options.Value("upstream-url"));
            configuration = options.Value("configuration") ?? "Release";
        }
        catch (Exception e) when (e is VerbUsageException or GeneratorException)
        {
            await error.WriteLineAsync($"update: {e.Message}\nusage: {Usage}");
            return 2;
        }

        void Log(string line) => output.WriteLine("  " + line);
        UpdateResult result;
        try
        {
            result = await new ModelUpdate(steps ?? new DotnetUpdateSteps(configuration, Log), Log).RunAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is GeneratorException or ModelDiffException or UpdateStepException)
        {
            // Raised before anything was changed: fetching or reading the pinned or the new models failed.
            await error.WriteLineAsync($"update failed before changing anything: {e.Message}");
            return 1;
        }

        var report = result.Report;
        await output.WriteLineAsync($"update {Short(report.From)} -> {Short(report.To)}: {report.Summary}");
        foreach (var step in result.Steps) await output.WriteLineAsync("  " + step);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"update FAILED at step '{result.FailedStep}': {result.Error}");
            await error.WriteLineAsync($"The working tree is restored: models/ and its lock file still pin {Short(report.From)}.");
            await error.WriteLineAsync($"The report of the attempted change is kept: {result.ReportFiles.MarkdownPath}");
            return 1;
        }
        await output.WriteLineAsync($"report: {result.ReportFiles.MarkdownPath}");
        await output.WriteLineAsync($"        {result.ReportFiles.JsonPath}");
        await output.WriteLineAsync("Review the report (breaking changes first), then commit models/models.lock.json.");
        return 0;
    }

    private static string Short(string? commit) => commit is null ? "unknown" : commit[..Math.Min(7, commit.Length)];
}
