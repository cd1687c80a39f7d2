namespace SpApi.Generator.Diff;

/// <summary>Where the JSON and Markdown reports go, and writing both.</summary>
public sealed record ReportFiles(string JsonPath, string MarkdownPath)
{
    /// <summary>
    /// <c>x.json</c> or <c>x.md</c> name one report and its sibling gets the other extension; any other name
    /// gets both extensions appended.
    /// </summary>
    public static ReportFiles For(string path)
    {
        var full = Path.GetFullPath(path);
        var extension = Path.GetExtension(full).ToLowerInvariant();
        var stem = extension is ".json" or ".md" ? full[..^extension.Length] : full;
        return new ReportFiles(stem + ".json", stem + ".md");
    }

    /// <summary>The default place: <c>artifacts/model-updates/api-changes-FROM-to-TO</c> under the repository.</summary>
    public static ReportFiles Default(string repositoryRoot, ApiChangeReport report) =>
        For(Path.Combine(repositoryRoot, "artifacts", "model-updates", $"api-changes-{Short(report.From)}-to-{Short(report.To)}"));

    public async Task WriteAsync(ApiChangeReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(JsonPath)!);
        await File.WriteAllTextAsync(JsonPath, ChangeReportJson.Write(report), cancellationToken);
        await File.WriteAllTextAsync(MarkdownPath, ChangeReportMarkdown.Write(report), cancellationToken);
    }

    private static string Short(string? commit) => commit is null ? "unknown" : commit.Length > 7 ? commit[..7] : commit;
}
