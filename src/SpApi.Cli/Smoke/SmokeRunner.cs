using System.Diagnostics;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Smoke;

/// <summary>Runs every selected case through one <see cref="SmokeSession"/>, in model order.</summary>
public static class SmokeRunner
{
    /// <summary>The cases of <paramref name="cases"/> that belong to <paramref name="api"/> (API name, API+version, namespace or model file), or all.</summary>
    public static IReadOnlyList<SandboxCase> Select(SandboxCaseCatalog cases, string? api)
    {
        if (api is null) return cases.Cases;
        var index = ClientOperationIndex.Generated;
        var selected = cases.Cases.Where(c => index.Find(c.ModelFile, c.OperationId)?.Metadata is { } m && Matches(m, c.ModelFile, api)).ToArray();
        if (selected.Length == 0)
        {
            var names = cases.Cases.Select(c => index.Find(c.ModelFile, c.OperationId)?.Metadata).OfType<Runtime.OperationMetadata>()
                .SelectMany(m => new[] { m.Api, $"{m.Api}.{m.Version}", m.ModelFile });
            throw new CliUsageException($"no sandbox cases for API '{api}'.{DidYouMean.Hint(api, names)} Use an API name (Orders), API and version (Orders.V0), or a model file (ordersV0.json).");
        }
        return selected;
    }

    private static bool Matches(Runtime.OperationMetadata m, string modelFile, string api) =>
        string.Equals(m.Api, api, StringComparison.OrdinalIgnoreCase)
        || string.Equals($"{m.Api}.{m.Version}", api, StringComparison.OrdinalIgnoreCase)
        || string.Equals(m.Namespace, api, StringComparison.OrdinalIgnoreCase)
        || string.Equals(modelFile, api, StringComparison.OrdinalIgnoreCase);

    public static async Task<SmokeReport> RunAsync(SmokeSession session, IReadOnlyList<SandboxCase> cases,
        Action<SmokeCaseResult>? onCase, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<SmokeCaseResult>(cases.Count);
        foreach (var c in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await session.RunCaseAsync(c, cancellationToken);
            results.Add(result);
            onCase?.Invoke(result);
        }
        return new SmokeReport(session.Options.Target.Name, results, session.ServerStats(), clock.Elapsed);
    }

    /// <summary>Every case skipped for one reason (e.g. a live target without credentials).</summary>
    public static SmokeReport Skipped(SmokeTarget target, IReadOnlyList<SandboxCase> cases, string reason) =>
        new(target.Name, cases.Select(c => new SmokeCaseResult(c.ModelFile, c.OperationId, c.Index,
            ClientOperationIndex.Generated.Find(c.ModelFile, c.OperationId) is { } op ? $"{op.Metadata.Api} {op.Metadata.Version}" : "?",
            c.ExpectedStatus, SmokeOutcome.Skipped, reason, [])).ToArray(), null, TimeSpan.Zero);
}
