using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpApi.Cli.Bench;

/// <summary>
/// The JSON report of <c>spapi bench concurrency</c>: calls made, sellers, calls that failed, refresh-token grants
/// and RDTs the sandbox issued, and sellers whose request counts differ between client and sandbox.
/// </summary>
public sealed record ConcurrencyReport(
    [property: JsonPropertyName("calls")] int Calls,
    [property: JsonPropertyName("sellers")] int Sellers,
    [property: JsonPropertyName("failures")] int Failures,
    [property: JsonPropertyName("lwaRequests")] long LwaRequests,
    [property: JsonPropertyName("rdtRequests")] long RdtRequests,
    [property: JsonPropertyName("crossSellerMixups")] int CrossSellerMixups)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>One LWA refresh per seller, no mix-up, no failure.</summary>
    [JsonIgnore]
    public bool GoalsMet => LwaRequests == Sellers && CrossSellerMixups == 0 && Failures == 0;

    public string ToJson() => JsonSerializer.Serialize(this, Indented);
}
