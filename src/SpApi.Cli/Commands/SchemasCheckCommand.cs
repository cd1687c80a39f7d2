using Newtonsoft.Json;
using SpApi.Cli.Schemas;

namespace SpApi.Cli.Commands;

/// <summary><c>spapi schemas check [--report FILE] [--schemas DIR]</c>: every schema example round-trips through its generated type.</summary>
public sealed class SchemasCheckCommand : ICliCommand
{
    public string Name => "schemas check";
    public string Summary => "Read every example of the pinned notification/report/feed schemas into its generated type and back.";
    public string Usage => """
        Options:
          --report FILE   write { total, passed, failed, cases: [ { schema, example, outcome, error } ] } to FILE
          --schemas DIR   the schemas folder (default: the repository's synced schemas/, or SPAPI_SCHEMAS_DIR)
          --verbose       list passed cases too
        Exit code 1 when any example fails.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var reportPath = context.Args.String("report");
        var dir = context.Args.String("schemas");
        var verbose = context.Args.Flag("verbose");
        context.Args.ThrowOnUnknown();

        var cases = SchemaConformance.Run(SchemaConformance.Locate(dir));
        foreach (var c in cases.Where(c => verbose || !c.Passed))
            context.Out.WriteLine($"{(c.Passed ? "passed" : "FAILED")} {c.Schema} example {c.Example}{(c.Error is null ? "" : ": " + c.Error)}");
        var passed = cases.Count(c => c.Passed);
        context.Out.WriteLine($"{cases.Count} examples: {passed} passed, {cases.Count - passed} failed.");
        if (reportPath is not null)
        {
            var full = Path.GetFullPath(reportPath);
            if (Path.GetDirectoryName(full) is { } parent) Directory.CreateDirectory(parent);
            await File.WriteAllTextAsync(full, SchemaConformance.Report(cases).ToString(Formatting.Indented) + "\n", cancellationToken);
            context.Out.WriteLine($"Report: {full}");
        }
        return passed == cases.Count ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
