using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Cli.Bench.ColdStart;

/// <summary>
/// Medians over the runs: <c>{ "runs", "spapi": { "processMs", "readyMs", "firstCallMs" }, "floor": { "processMs",
/// "readyMs", "firstCallMs" }, "ratio" }</c> (ratio = spapi processMs / floor processMs). The floor's readyMs (its
/// <c>new HttpClient()</c>) shows what any client pays in those runs before it is ready.
/// </summary>
internal sealed record ColdStartReport(int Runs, double SpApiProcessMs, double ReadyMs, double FirstCallMs, double FloorProcessMs,
    double FloorReadyMs, double FloorFirstCallMs, IReadOnlyList<string> SpApiLoaded)
{
    public const double ReadyGoalMs = 40;
    public const double RatioGoal = 1.15;

    public double Ratio => FloorProcessMs > 0 ? SpApiProcessMs / FloorProcessMs : double.NaN;

    public bool MeetsGoals => ReadyMs <= ReadyGoalMs && Ratio <= RatioGoal;

    public static ColdStartReport From(IReadOnlyList<ColdStartRun> spapi, IReadOnlyList<ColdStartRun> floor) => new(
        spapi.Count,
        Median(spapi.Select(r => r.ProcessMs)),
        Median(spapi.Select(r => r.ReadyMs)),
        Median(spapi.Select(r => r.FirstCallMs)),
        Median(floor.Select(r => r.ProcessMs)),
        Median(floor.Select(r => r.ReadyMs)),
        Median(floor.Select(r => r.FirstCallMs)),
        spapi.LastOrDefault()?.Loaded ?? []);

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public string ToJson() => new JObject
    {
        ["runs"] = Runs,
        ["spapi"] = new JObject { ["processMs"] = Round(SpApiProcessMs), ["readyMs"] = Round(ReadyMs), ["firstCallMs"] = Round(FirstCallMs) },
        ["floor"] = new JObject { ["processMs"] = Round(FloorProcessMs), ["readyMs"] = Round(FloorReadyMs), ["firstCallMs"] = Round(FloorFirstCallMs) },
        ["ratio"] = Math.Round(Ratio, 3),
    }.ToString(Formatting.Indented);

    public void WriteTable(TextWriter output)
    {
        output.WriteLine($"runs: {Runs} of each (interleaved), medians");
        output.WriteLine($"  spapi  process {SpApiProcessMs,8:F1} ms   ready {ReadyMs,6:F1} ms (goal <= {ReadyGoalMs})   first call {FirstCallMs,6:F1} ms");
        output.WriteLine($"  floor  process {FloorProcessMs,8:F1} ms   ready {FloorReadyMs,6:F1} ms                 first call {FloorFirstCallMs,6:F1} ms");
        output.WriteLine($"  ratio  {Ratio:F3} (goal <= {RatioGoal})");
    }

    private static double Round(double v) => Math.Round(v, 1);
}
