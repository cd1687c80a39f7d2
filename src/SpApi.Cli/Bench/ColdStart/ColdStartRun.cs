using Newtonsoft.Json.Linq;

namespace SpApi.Cli.Bench.ColdStart;

/// <summary>One fresh process: wall time measured here, ready/first-call times and loaded assemblies reported by the app.</summary>
internal sealed record ColdStartRun(string Mode, double ProcessMs, double ReadyMs, double FirstCallMs, int Marketplaces, IReadOnlyList<string> Loaded)
{
    public static ColdStartRun Parse(string mode, double processMs, string output)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new ColdStartException($"the {mode} app printed nothing.");
        JObject json;
        try { json = JObject.Parse(line); }
        catch (Newtonsoft.Json.JsonException) { throw new ColdStartException($"the {mode} app printed '{line}', not its JSON result."); }
        var marketplaces = json.Value<int?>("marketplaces") ?? 0;
        if (marketplaces <= 0) throw new ColdStartException($"the {mode} app's first call returned no marketplaces.");
        return new ColdStartRun(mode, processMs, json.Value<double>("readyMs"), json.Value<double>("firstCallMs"), marketplaces,
            json["loaded"]?.Values<string>().OfType<string>().ToArray() ?? []);
    }
}
