namespace SpApi.Cli.Commands;

/// <summary>The <c>--report FILE</c> step the bench verbs share: the JSON plus a newline, then a line saying where.</summary>
internal static class ReportFile
{
    public static async Task WriteAsync(CliContext context, string? path, string json, CancellationToken cancellationToken)
    {
        if (path is null) return;
        await File.WriteAllTextAsync(path, json + Environment.NewLine, cancellationToken);
        context.Out.WriteLine($"report written to {path}");
    }

    /// <summary>The other form (bench overhead, cold-start, faults): the JSON as is, to the full path (its folder created), then "report: PATH".</summary>
    public static async Task WriteFullPathAsync(CliContext context, string? path, string json, CancellationToken cancellationToken)
    {
        if (path is null) return;
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, json, cancellationToken);
        context.Out.WriteLine($"report: {full}");
    }
}
