namespace SpApi.Generator.Diff;

/// <summary>The semantic-version bump a set of changes calls for.</summary>
public enum VersionBump
{
    None,
    Patch,
    Minor,
    Major,
}

public static class VersionBumps
{
    /// <summary>
    /// Major for any breaking change; minor when callers gain something (new file, operation, parameter,
    /// property or enum value, or a deprecation warning); patch for usage-plan and documentation changes.
    /// </summary>
    public static VersionBump Suggest(IEnumerable<ModelChange> changes)
    {
        var bump = VersionBump.None;
        foreach (var change in changes)
        {
            var needed = change.Breaking ? VersionBump.Major : change.Kind switch
            {
                ChangeKind.UsagePlanChanged or ChangeKind.DocumentationChanged => VersionBump.Patch,
                _ => VersionBump.Minor,
            };
            if (needed > bump) bump = needed;
        }
        return bump;
    }

    public static string ToJsonName(this VersionBump bump) => bump.ToString().ToLowerInvariant();
}
