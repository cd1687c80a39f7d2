using SpApi.Generator.Update;

namespace SpApi.Generator.Diff;

/// <summary>
/// <c>diff --old DIR --new DIR [--report FILE] [--fail-on-breaking]</c>: compares two model folders (snapshot
/// folders or models/ folders) without touching the repository. Without --report the Markdown goes to stdout.
/// Exit codes: 0 done, 1 bad models, 2 usage, 3 breaking changes found with --fail-on-breaking.
/// </summary>
public static class DiffCommand
{
    public const string Usage = "diff --old <models dir> --new <models dir> [--report <file>] [--fail-on-breaking]";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        try
        {
            var options = VerbOptions.Parse(args, ["old", "new", "report"], ["fail-on-breaking"]);
            var oldDir = options.Value("old") ?? options.Positional.ElementAtOrDefault(0) ?? throw new VerbUsageException("--old is required.");
            var newDir = options.Value("new") ?? options.Positional.ElementAtOrDefault(1) ?? throw new VerbUsageException("--new is required.");

            var report = ModelDiffer.Compare(ModelSet.Load(oldDir), ModelSet.Load(newDir));
            if (options.Value("report") is { } path)
            {
                var files = ReportFiles.For(path);
                await files.WriteAsync(report, cancellationToken);
                Console.WriteLine($"{report.Summary}\nreport: {files.MarkdownPath}\n        {files.JsonPath}");
            }
            else
            {
                Console.Write(ChangeReportMarkdown.Write(report));
            }
            return options.Flag("fail-on-breaking") && report.BreakingCount > 0 ? 3 : 0;
        }
        catch (VerbUsageException e)
        {
            await Console.Error.WriteLineAsync($"diff: {e.Message}\nusage: {Usage}");
            return 2;
        }
        catch (ModelDiffException e)
        {
            await Console.Error.WriteLineAsync($"diff: {e.Message}");
            return 1;
        }
    }
}
