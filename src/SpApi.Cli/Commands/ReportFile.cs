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
}
