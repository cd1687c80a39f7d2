using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Diff;

/// <summary>
/// The report for tools: <c>{ "from", "to", "suggestedBump", "summary": {...}, "changes": [ { "kind",
/// "modelFile", "operationId", "breaking", "detail" } ] }</c>.
/// </summary>
public static class ChangeReportJson
{
    public static JObject ToJson(ApiChangeReport report) => new()
    {
        ["from"] = report.From,
        ["to"] = report.To,
        ["suggestedBump"] = report.SuggestedBump.ToJsonName(),
        ["summary"] = new JObject
        {
            ["text"] = report.Summary,
            ["modelFiles"] = report.ChangedModelFiles.Count,
            ["changes"] = report.Changes.Count,
            ["breaking"] = report.BreakingCount,
            ["byKind"] = new JObject(report.CountByKind.Select(k => new JProperty(k.Key.ToJsonName(), k.Value))),
        },
        ["changes"] = new JArray(report.Changes.Select(c => new JObject
        {
            ["kind"] = c.Kind.ToJsonName(),
            ["modelFile"] = c.ModelFile,
            ["operationId"] = c.OperationId,
            ["breaking"] = c.Breaking,
            ["detail"] = c.Detail,
        })),
    };

    public static string Write(ApiChangeReport report) => ToJson(report).ToString(Formatting.Indented) + "\n";

    /// <summary>Reads a report written by <see cref="Write"/> (for tools and tests that consume it).</summary>
    public static ApiChangeReport Read(string json)
    {
        var root = JObject.Parse(json);
        var changes = (root["changes"] as JArray ?? throw new FormatException("The report has no 'changes' array."))
            .Select(c => new ModelChange(
                ChangeKindNames.Parse(c.Value<string>("kind") ?? ""),
                c.Value<string>("modelFile") ?? throw new FormatException("A change has no 'modelFile'."),
                c.Value<string>("operationId"),
                c.Value<bool>("breaking"),
                c.Value<string>("detail") ?? ""));
        return new ApiChangeReport(root.Value<string>("from"), root.Value<string>("to"), changes);
    }
}
