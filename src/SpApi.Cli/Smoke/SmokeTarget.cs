namespace SpApi.Cli.Smoke;

/// <summary>Where a smoke run sends its calls: the embedded sandbox, or one of Amazon's sandbox endpoints.</summary>
public sealed record SmokeTarget(string Name, Uri? BaseAddress, Uri? TokenEndpoint)
{
    public static readonly SmokeTarget Local = new("local", null, null);

    private static readonly Uri AmazonLwa = new("https://api.amazon.com/auth/o2/token");

    public static IReadOnlyList<SmokeTarget> All { get; } =
    [
        Local,
        new("sandbox-na", new Uri("https://sandbox.sellingpartnerapi-na.amazon.com/"), AmazonLwa),
        new("sandbox-eu", new Uri("https://sandbox.sellingpartnerapi-eu.amazon.com/"), AmazonLwa),
        new("sandbox-fe", new Uri("https://sandbox.sellingpartnerapi-fe.amazon.com/"), AmazonLwa),
    ];

    public bool IsLocal => BaseAddress is null;

    public static SmokeTarget Parse(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new CliUsageException($"--target must be one of {string.Join(", ", All.Select(t => t.Name))}, not '{name}'.");
}
