using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpApi.Auth.RateLimiting.Benchmarks;

/// <summary>
/// Result of <see cref="RateLimitBenchmark"/>. The first five fields are the single-seller scenario:
/// theoreticalMax = burst + rate x seconds, utilization = succeeded / theoreticalMax, wire429 = 429s the server
/// sent, surfaced429 = 429s that reached callers. The rest are extra figures.
/// </summary>
public sealed record RateLimitBenchmarkReport
{
    [JsonPropertyName("theoreticalMax")] public double TheoreticalMax { get; init; }
    [JsonPropertyName("succeeded")] public int Succeeded { get; init; }
    [JsonPropertyName("utilization")] public double Utilization { get; init; }
    [JsonPropertyName("wire429")] public int Wire429 { get; init; }
    [JsonPropertyName("surfaced429")] public int Surfaced429 { get; init; }

    [JsonPropertyName("requests")] public int Requests { get; init; }
    [JsonPropertyName("wire429Share")] public double Wire429Share { get; init; }
    [JsonPropertyName("rate")] public double Rate { get; init; }
    [JsonPropertyName("burst")] public int Burst { get; init; }
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    [JsonPropertyName("callers")] public int Callers { get; init; }
    [JsonPropertyName("limiterWaitP50Ms")] public double LimiterWaitP50Ms { get; init; }
    [JsonPropertyName("limiterWaitP99Ms")] public double LimiterWaitP99Ms { get; init; }
    [JsonPropertyName("refused")] public int Refused { get; init; }
    [JsonPropertyName("otherFailures")] public int OtherFailures { get; init; }

    /// <summary>utilization >= 0.99, surfaced429 = 0 and wire429 &lt;= 1% of requests.</summary>
    [JsonPropertyName("goalsMet")] public bool GoalsMet { get; init; }

    [JsonPropertyName("multiSeller")] public MultiSellerReport? MultiSeller { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>Several sellers at once: <see cref="Isolated"/> when the noisy seller's 429s cost the others nothing.</summary>
public sealed record MultiSellerReport
{
    [JsonPropertyName("sellers")] public IReadOnlyList<SellerFigures> Sellers { get; init; } = [];

    /// <summary>The steady seller still met the goals and the light seller never waited longer than one refill.</summary>
    [JsonPropertyName("isolated")] public bool Isolated { get; init; }
}

/// <summary>One seller's figures in the multi-seller scenario (theoretical max from the plan the server enforces).</summary>
public sealed record SellerFigures
{
    [JsonPropertyName("seller")] public string Seller { get; init; } = "";
    [JsonPropertyName("role")] public string Role { get; init; } = "";
    [JsonPropertyName("callers")] public int Callers { get; init; }
    [JsonPropertyName("clientRate")] public double ClientRate { get; init; }
    [JsonPropertyName("serverRate")] public double ServerRate { get; init; }
    [JsonPropertyName("serverBurst")] public int ServerBurst { get; init; }
    [JsonPropertyName("theoreticalMax")] public double TheoreticalMax { get; init; }
    [JsonPropertyName("succeeded")] public int Succeeded { get; init; }
    [JsonPropertyName("utilization")] public double Utilization { get; init; }
    [JsonPropertyName("wire429")] public int Wire429 { get; init; }
    [JsonPropertyName("surfaced429")] public int Surfaced429 { get; init; }
    [JsonPropertyName("requests")] public int Requests { get; init; }
    [JsonPropertyName("limiterWaitP50Ms")] public double LimiterWaitP50Ms { get; init; }
    [JsonPropertyName("limiterWaitP99Ms")] public double LimiterWaitP99Ms { get; init; }
    [JsonPropertyName("limiterWaitMaxMs")] public double LimiterWaitMaxMs { get; init; }

    /// <summary>Calls the client-side limiter refused (queue full or max wait): nothing was sent.</summary>
    [JsonPropertyName("refused")] public int Refused { get; init; }

    /// <summary>Calls that ended with a status other than 200 or 429.</summary>
    [JsonPropertyName("otherFailures")] public int OtherFailures { get; init; }
}
