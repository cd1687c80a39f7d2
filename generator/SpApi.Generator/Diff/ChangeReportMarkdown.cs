using System.Text;

namespace SpApi.Generator.Diff;

/// <summary>
/// The report for people: the suggested bump and counts first, then one section per model file (files with
/// breaking changes first), breaking changes before the rest. Identical changes shared by several operations
/// are listed once with the operations; documentation-only edits are condensed to one line per file.
/// </summary>
public static class ChangeReportMarkdown
{
    public static string Write(ApiChangeReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# API change report").AppendLine();
        md.AppendLine($"Models `{Short(report.From)}` -> `{Short(report.To)}` (full commits in the JSON report).").AppendLine();
        if (report.Changes.Count == 0)
        {
            md.AppendLine("No changes: the generated clients stay the same.");
            return md.ToString();
        }
        md.AppendLine($"**Suggested version bump: {report.SuggestedBump.ToJsonName()}** — {Count(report.ChangedModelFiles.Count, "model file")}, " +
                      $"{Count(report.Changes.Count, "change")}, {report.BreakingCount} breaking.").AppendLine();
        md.AppendLine("Breaking means code that calls the generated clients may stop compiling or behave differently; " +
                      "see the README, \"Picking up new SP-API models\", for the rules.").AppendLine();
        md.AppendLine("| Change | Count | Breaking |").AppendLine("| --- | ---: | ---: |");
        foreach (var group in report.Changes.GroupBy(c => c.Kind).OrderBy(g => g.Key))
            md.AppendLine($"| {group.Key.ToJsonName()} | {group.Count()} | {group.Count(c => c.Breaking)} |");
        md.AppendLine();

        var files = report.Changes.GroupBy(c => c.ModelFile)
            .OrderByDescending(g => g.Any(c => c.Breaking))
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var file in files)
        {
            // Every block below ends with a blank line, so headings need none before them.
            md.AppendLine($"## {Escape(file.Key)}").AppendLine();
            Section(md, "Breaking", file.Where(c => c.Breaking));
            Section(md, "Non-breaking", file.Where(c => !c.Breaking && c.Kind != ChangeKind.DocumentationChanged));
            Documentation(md, file.Where(c => !c.Breaking && c.Kind == ChangeKind.DocumentationChanged).ToList());
        }
        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, IEnumerable<ModelChange> changes)
    {
        var groups = changes.GroupBy(c => (c.Kind, c.Detail)).ToList();
        if (groups.Count == 0) return;
        md.AppendLine($"**{title}**").AppendLine();
        foreach (var group in groups)
        {
            var operations = group.Select(c => c.OperationId).OfType<string>().Distinct().ToList();
            var where = operations.Count == 0 ? "" : " — " + string.Join(", ", operations.Select(o => $"`{o}`"));
            md.AppendLine($"- {group.Key.Kind.ToJsonName()}: {Escape(group.Key.Detail)}{where}");
        }
        md.AppendLine();
    }

    private static void Documentation(StringBuilder md, IReadOnlyList<ModelChange> changes)
    {
        if (changes.Count == 0) return;
        var operations = changes.Select(c => c.OperationId).OfType<string>().Distinct().Select(o => $"`{o}`").ToList();
        var definitions = changes.Where(c => c.OperationId is null && c.Detail.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
            .Select(c => c.Detail[DefinitionPrefix.Length..c.Detail.IndexOf(':')]).Distinct().ToList();
        var parts = new List<string>();
        if (operations.Count > 0) parts.Add($"{Count(operations.Count, "operation")} ({string.Join(", ", operations)})");
        if (definitions.Count > 0) parts.Add($"{Count(definitions.Count, "definition")} ({JsonDifferences.Join(definitions, 10)})");
        if (changes.FirstOrDefault(c => c.OperationId is null && c.Detail.StartsWith("document:", StringComparison.Ordinal)) is { } header)
            parts.Add(header.Detail["document: ".Length..]);
        md.AppendLine($"Documentation only: {string.Join(", ", parts)}.").AppendLine();
    }

    private const string DefinitionPrefix = "definition ";

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Short(string? commit) => commit is null ? "unknown" : commit.Length > 7 ? commit[..7] : commit;

    /// <summary>Details hold generic type names (array&lt;string&gt;) and wildcards that Markdown would swallow.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '<' or '|' or '*' or '`' or '\\') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
