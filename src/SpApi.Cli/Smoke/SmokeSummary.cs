namespace SpApi.Cli.Smoke;

/// <summary>The console view of a report: one line per API, then the failures.</summary>
public static class SmokeSummary
{
    public static void Write(SmokeReport report, TextWriter output, bool verbose = false, int maxFailures = 50)
    {
        var groups = report.Cases.GroupBy(c => c.Api).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var width = Math.Max(3, groups.Length == 0 ? 3 : groups.Max(g => g.Key.Length));
        output.WriteLine($"{"API".PadRight(width)}  cases  passed  failed  skipped");
        foreach (var g in groups)
        {
            output.WriteLine($"{g.Key.PadRight(width)}  {g.Count(),5}  {Count(g, SmokeOutcome.Passed),6}  {Count(g, SmokeOutcome.Failed),6}  {Count(g, SmokeOutcome.Skipped),7}");
        }

        var failures = report.Cases.Where(c => c.Outcome == SmokeOutcome.Failed).ToArray();
        if (failures.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("Failures:");
            foreach (var f in failures.Take(maxFailures))
                output.WriteLine($"  {f.Id} (HTTP {f.ExpectedStatus}): {f.Error}");
            if (failures.Length > maxFailures) output.WriteLine($"  ... and {failures.Length - maxFailures} more (see the report).");
        }

        var noted = report.Cases.Where(c => c.Notes.Count > 0).ToArray();
        if (noted.Length > 0)
        {
            output.WriteLine();
            output.WriteLine($"Upstream defects worked around in {noted.Length} case(s){(verbose ? ":" : " (--verbose lists them; see the README, Known upstream defects).")}");
            if (verbose)
                foreach (var c in noted)
                    foreach (var note in c.Notes) output.WriteLine($"  {c.Id}: {note}");
        }

        output.WriteLine();
        output.WriteLine($"{report.Target}: {report.Total} cases, {report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped in {report.Elapsed.TotalSeconds:0.0} s.");
        if (report.ServerStats is { } stats)
            output.WriteLine($"sandbox: {stats.Requests} requests, {stats.TokenGrants.GetValueOrDefault("refresh_token")} LWA refresh grant(s), "
                + $"{stats.TokenGrants.GetValueOrDefault("client_credentials")} grantless grant(s), {stats.RdtIssued} RDT(s), {stats.Throttled} throttled.");
    }

    private static int Count(IEnumerable<SmokeCaseResult> cases, SmokeOutcome outcome) => cases.Count(c => c.Outcome == outcome);
}
