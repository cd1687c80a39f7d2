namespace SpApi.Cli.Smoke;

/// <summary>Where a smoke run sends its calls: the embedded sandbox, or one of Amazon's sandbox endpoints (by region).</summary>
public sealed record SmokeTarget(string Name, string? Region)
{
    public static readonly SmokeTarget Local = new("local", null);

    public static IReadOnlyList<SmokeTarget> All { get; } =
    [
        Local,
        new("sandbox-na", "NA"),
        new("sandbox-eu", "EU"),
        new("sandbox-fe", "FE"),
    ];

    public bool IsLocal => Region is null;

    public static SmokeTarget Parse(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new CliUsageException($"--target must be one of {string.Join(", ", All.Select(t => t.Name))}, not '{name}'.");
}
