namespace SpApi.Generator.Diff;

/// <summary>The API change report between two model versions: every change, its classification, and the suggested bump.</summary>
public sealed class ApiChangeReport
{
    public ApiChangeReport(string? from, string? to, IEnumerable<ModelChange> changes)
    {
        From = from;
        To = to;
        Changes = changes
            .OrderBy(c => c.ModelFile, StringComparer.Ordinal)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.OperationId ?? "", StringComparer.Ordinal)
            .ThenBy(c => c.Detail, StringComparer.Ordinal)
            .ToList();
        SuggestedBump = VersionBumps.Suggest(Changes);
    }

    /// <summary>Upstream commit of the old models (null when unknown).</summary>
    public string? From { get; }

    public string? To { get; }

    public IReadOnlyList<ModelChange> Changes { get; }

    public VersionBump SuggestedBump { get; }

    public int BreakingCount => Changes.Count(c => c.Breaking);

    /// <summary>Model files that differ in any way (added, removed or changed).</summary>
    public IReadOnlyList<string> ChangedModelFiles => Changes.Select(c => c.ModelFile).Distinct().ToList();

    public IReadOnlyDictionary<ChangeKind, int> CountByKind =>
        Changes.GroupBy(c => c.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>"16 model files, 120 changes (3 breaking), suggested bump: major".</summary>
    public string Summary =>
        Changes.Count == 0
            ? "no API changes"
            : $"{ChangedModelFiles.Count} model files, {Changes.Count} changes ({BreakingCount} breaking), suggested bump: {SuggestedBump.ToJsonName()}";
}
