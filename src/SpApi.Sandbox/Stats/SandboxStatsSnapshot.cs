using Newtonsoft.Json;

namespace SpApi.Sandbox.Stats;

/// <summary>
/// Counters at one moment, serialised as <c>GET /_sandbox/stats</c> answers them.
/// Requests count SP-API operation calls (not token or admin endpoints); the seller of a request is the
/// seller of the token it used (<see cref="SandboxStats.GrantlessSeller"/> / <see cref="SandboxStats.UnauthenticatedSeller"/> otherwise).
/// </summary>
public sealed record SandboxStatsSnapshot(
    [property: JsonProperty("tokenGrants")] IReadOnlyDictionary<string, long> TokenGrants,
    [property: JsonProperty("tokenGrantsBySeller")] IReadOnlyDictionary<string, long> TokenGrantsBySeller,
    [property: JsonProperty("rdtIssued")] long RdtIssued,
    [property: JsonProperty("requests")] long Requests,
    [property: JsonProperty("requestsByOperation")] IReadOnlyDictionary<string, long> RequestsByOperation,
    [property: JsonProperty("requestsBySeller")] IReadOnlyDictionary<string, long> RequestsBySeller,
    [property: JsonProperty("throttled")] long Throttled,
    [property: JsonProperty("faults")] long Faults,
    [property: JsonProperty("faultsByKind")] IReadOnlyDictionary<string, long> FaultsByKind,
    [property: JsonProperty("unauthorized")] long Unauthorized,
    [property: JsonProperty("unmatched")] long Unmatched)
{
    /// <summary>The snapshot as <c>GET /_sandbox/stats</c> answers it.</summary>
    public string ToJson() => JsonConvert.SerializeObject(this, Formatting.Indented);

    /// <summary>Reads a snapshot written by <see cref="ToJson"/>.</summary>
    public static SandboxStatsSnapshot FromJson(string json) =>
        JsonConvert.DeserializeObject<SandboxStatsSnapshot>(json)
        ?? throw new InvalidDataException("Sandbox stats JSON is empty.");
}
