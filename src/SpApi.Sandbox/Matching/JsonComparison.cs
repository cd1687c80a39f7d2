namespace SpApi.Sandbox.Matching;

/// <summary>How <see cref="JsonSemantic"/> compares: always order-free, null = missing, numbers by value, date-times as instants.</summary>
public sealed record JsonComparison
{
    /// <summary>Both sides must hold the same non-null properties.</summary>
    public static JsonComparison Exact { get; } = new();

    /// <summary>
    /// Every expected value must be present and equal; properties only the actual side has are ignored.
    /// Used to match request bodies (a typed client fills in defaults the case leaves out) and typed results.
    /// </summary>
    public static JsonComparison ExpectedOnly { get; } = new() { IgnoreExtraActualProperties = true };

    /// <summary>True to accept properties in the actual JSON that the expected JSON does not have.</summary>
    public bool IgnoreExtraActualProperties { get; init; }
}
