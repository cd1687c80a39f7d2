using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpApi.Cli.Bench.Fleet;

/// <summary>The <c>bench fleet</c> report, with the field names of issue 14 exactly.</summary>
internal sealed record FleetReport(
    [property: JsonPropertyName("workers")] int Workers,
    [property: JsonPropertyName("theoreticalMax")] double TheoreticalMax,
    [property: JsonPropertyName("succeeded")] int Succeeded,
    [property: JsonPropertyName("utilization")] double Utilization,
    [property: JsonPropertyName("wire429")] long Wire429,
    [property: JsonPropertyName("surfaced429")] int Surfaced429,
    [property: JsonPropertyName("lwaRequests")] long LwaRequests,
    [property: JsonPropertyName("baseline")] FleetBaseline Baseline)
{
    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });
}

/// <summary>The same load on per-process buckets (and per-process tokens).</summary>
internal sealed record FleetBaseline(
    [property: JsonPropertyName("succeeded")] int Succeeded,
    [property: JsonPropertyName("wire429")] long Wire429,
    [property: JsonPropertyName("surfaced429")] int Surfaced429);

/// <summary>One phase (shared or per-process buckets) as measured.</summary>
internal sealed record FleetPhase(int Succeeded, int Surfaced429, int Failed, long Requests, long Wire429, long LwaRequests, string? FirstError);
