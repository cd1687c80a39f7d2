namespace SpApi.Cli.Smoke;

/// <summary>The outcome of one case.</summary>
public sealed record SmokeCaseResult(
    string ModelFile,
    string OperationId,
    int Case,
    string Api,
    int ExpectedStatus,
    SmokeOutcome Outcome,
    string? Error,
    IReadOnlyList<string> Notes)
{
    public string Id => $"{ModelFile}#{OperationId}#{Case}";
}

public enum SmokeOutcome
{
    Passed,
    Failed,
    Skipped,
}
