using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Auth;
using SpApi.Sandbox.Stats;

namespace SpApi.Cli.Smoke;

/// <summary>The result of a smoke run, written as the documented JSON report.</summary>
public sealed record SmokeReport(string Target, IReadOnlyList<SmokeCaseResult> Cases, SandboxStatsSnapshot? ServerStats, TimeSpan Elapsed)
{
    public int Total => Cases.Count;
    public int Passed => Cases.Count(c => c.Outcome == SmokeOutcome.Passed);
    public int Failed => Cases.Count(c => c.Outcome == SmokeOutcome.Failed);
    public int Skipped => Cases.Count(c => c.Outcome == SmokeOutcome.Skipped);

    /// <summary><c>{ target, total, passed, failed, skipped, cases: [...], serverStats }</c>.</summary>
    public JObject ToJson() => new()
    {
        ["target"] = Target,
        ["total"] = Total,
        ["passed"] = Passed,
        ["failed"] = Failed,
        ["skipped"] = Skipped,
        ["cases"] = new JArray(Cases.Select(c => new JObject
        {
            ["modelFile"] = c.ModelFile,
            ["operationId"] = c.OperationId,
            ["case"] = c.Case,
            ["expectedStatus"] = c.ExpectedStatus,
            ["outcome"] = c.Outcome.ToString().ToLowerInvariant(),
            ["error"] = c.Error,
        })),
        ["serverStats"] = ServerStats is null ? JValue.CreateNull() : new JObject
        {
            ["tokenGrants"] = new JObject(GrantKind.All.Select(k => new JProperty(k, ServerStats.TokenGrants.GetValueOrDefault(k)))),
            ["rdtIssued"] = ServerStats.RdtIssued,
            ["requests"] = ServerStats.Requests,
            ["throttled"] = ServerStats.Throttled,
        },
    };

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, ToJson().ToString(Formatting.Indented), cancellationToken);
    }
}
