using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpApi.Cli.Bench;

/// <summary>The <c>spapi bench overhead</c> report: <c>{ "cases": [ ... ] }</c>.</summary>
internal sealed record OverheadReport([property: JsonPropertyName("cases")] IReadOnlyList<OverheadCaseResult> Cases)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A fixed-width table of all three scenarios per case (µs and bytes per call).</summary>
    public void WriteTable(TextWriter writer, string pipelineLabel)
    {
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine($"pipeline: {pipelineLabel}");
        writer.WriteLine($"{"case",-38} {"floor µs",10} {"client µs",10} {"pipe µs",10} {"ratio",6} {"floor B",10} {"client B",10} {"pipe B",10} {"alloc",6}");
        foreach (var c in Cases)
            writer.WriteLine(string.Format(inv, "{0,-38} {1,10:F2} {2,10:F2} {3,10:F2} {4,6:F3} {5,10:N0} {6,10:N0} {7,10:N0} {8,6:F3}",
                c.Name, c.FloorNs / 1000, c.GeneratedNs / 1000, c.PipelineNs / 1000, c.Ratio,
                c.FloorBytes, c.GeneratedBytes, c.PipelineBytes, c.AllocRatio));
    }
}

/// <summary>One case of the report. Only the documented fields are written; the generated-client column is table-only.</summary>
internal sealed record OverheadCaseResult(
    string Name, double FloorNs, double PipelineNs, double Ratio, long FloorBytes, long PipelineBytes, double AllocRatio)
{
    [JsonIgnore] public double GeneratedNs { get; init; }
    [JsonIgnore] public long GeneratedBytes { get; init; }

    public static OverheadCaseResult From(string name, Measurement floor, Measurement generated, Measurement pipeline)
    {
        var floorBytes = (long)Math.Round(floor.BytesPerCall);
        var pipelineBytes = (long)Math.Round(pipeline.BytesPerCall);
        return new OverheadCaseResult(
            name,
            Math.Round(floor.NanosecondsPerCall, 1),
            Math.Round(pipeline.NanosecondsPerCall, 1),
            Math.Round(pipeline.NanosecondsPerCall / floor.NanosecondsPerCall, 3),
            floorBytes,
            pipelineBytes,
            Math.Round((double)pipelineBytes / floorBytes, 3))
        {
            GeneratedNs = Math.Round(generated.NanosecondsPerCall, 1),
            GeneratedBytes = (long)Math.Round(generated.BytesPerCall),
        };
    }
}
