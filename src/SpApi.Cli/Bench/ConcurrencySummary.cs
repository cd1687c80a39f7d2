using System.Globalization;

namespace SpApi.Cli.Bench;

/// <summary>The short table <c>spapi bench concurrency</c> prints.</summary>
internal static class ConcurrencySummary
{
    private const int MaxMismatchLines = 10;

    public static void Write(ConcurrencyBenchmarkResult result, TextWriter output)
    {
        var r = result.Report;
        var seconds = result.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? r.Calls / seconds : 0;
        output.WriteLine($"{"calls",-18} {r.Calls} ({result.RestrictedCalls} restricted) in {F(seconds)} s, {F(rate)} calls/s, plans x{F(result.RateScale)}");
        output.WriteLine($"{"sellers",-18} {r.Sellers}");
        output.WriteLine($"{"failures",-18} {r.Failures,-8} goal 0");
        output.WriteLine($"{"lwaRequests",-18} {r.LwaRequests,-8} goal {r.Sellers} (one refresh per seller)");
        output.WriteLine($"{"rdtRequests",-18} {r.RdtRequests,-8} (RDTs the sandbox issued; one per seller when cached on the generic path)");
        output.WriteLine($"{"crossSellerMixups",-18} {r.CrossSellerMixups,-8} goal 0");
        output.WriteLine($"{"429s on the wire",-18} {result.Throttled}");
        foreach (var c in result.SellerCounts.Where(c => !c.Matches).Take(MaxMismatchLines))
            output.WriteLine($"  {c.SellerId}: client sent {c.Sent}, sandbox saw {c.Seen}");
        foreach (var failure in result.FailureSamples)
            output.WriteLine($"  failure: {failure}");
        output.WriteLine($"goals (lwaRequests = sellers, crossSellerMixups = 0, failures = 0): {(r.GoalsMet ? "met" : "MISSED")}");
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
