using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpApi.Cli.Bench.RateLimit;

/// <summary>
/// What one scenario (or one seller in it) achieved: theoreticalMax = burst + rate x seconds of the plan the server
/// enforces, utilization = succeeded / theoreticalMax, wire429 = 429s the server sent, surfaced429 = 429s that
/// reached callers. Ordered so these five lead the JSON.
/// </summary>
public abstract record ScenarioFigures
{
    [JsonPropertyName("theoreticalMax"), JsonPropertyOrder(-10)] public double TheoreticalMax { get; init; }
    [JsonPropertyName("succeeded"), JsonPropertyOrder(-9)] public int Succeeded { get; init; }
    [JsonPropertyName("utilization"), JsonPropertyOrder(-8)] public double Utilization { get; init; }
    [JsonPropertyName("wire429"), JsonPropertyOrder(-7)] public int Wire429 { get; init; }
    [JsonPropertyName("surfaced429"), JsonPropertyOrder(-6)] public int Surfaced429 { get; init; }
    [JsonPropertyName("requests"), JsonPropertyOrder(-5)] public int Requests { get; init; }
    [JsonPropertyName("limiterWaitP50Ms"), JsonPropertyOrder(-4)] public double LimiterWaitP50Ms { get; init; }
    [JsonPropertyName("limiterWaitP99Ms"), JsonPropertyOrder(-3)] public double LimiterWaitP99Ms { get; init; }

    /// <summary>Calls the client-side limiter refused (queue full or max wait): nothing was sent.</summary>
    [JsonPropertyName("refused"), JsonPropertyOrder(-2)] public int Refused { get; init; }

    /// <summary>Calls that ended with a status other than 200 or 429.</summary>
    [JsonPropertyName("otherFailures"), JsonPropertyOrder(-1)] public int OtherFailures { get; init; }
}

/// <summary>Result of <see cref="RateLimitBenchmark"/>: the single-seller scenario's figures, its settings, and the multi-seller scenario.</summary>
public sealed record RateLimitBenchmarkReport : ScenarioFigures
{
    public RateLimitBenchmarkReport()
    {
    }

    public RateLimitBenchmarkReport(ScenarioFigures singleSeller) : base(singleSeller)
    {
    }

    [JsonPropertyName("wire429Share")] public double Wire429Share { get; init; }
    [JsonPropertyName("rate")] public double Rate { get; init; }
    [JsonPropertyName("burst")] public int Burst { get; init; }
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    [JsonPropertyName("callers")] public int Callers { get; init; }

    /// <summary>utilization >= 0.99, surfaced429 = 0, wire429 &lt;= 1% of requests, nothing refused or failed.</summary>
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

/// <summary>One seller's figures in the multi-seller scenario.</summary>
public sealed record SellerFigures : ScenarioFigures
{
    [JsonPropertyName("seller"), JsonPropertyOrder(-20)] public string Seller { get; init; } = "";
    [JsonPropertyName("role"), JsonPropertyOrder(-19)] public string Role { get; init; } = "";
    [JsonPropertyName("callers")] public int Callers { get; init; }
    [JsonPropertyName("clientRate")] public double ClientRate { get; init; }
    [JsonPropertyName("serverRate")] public double ServerRate { get; init; }
    [JsonPropertyName("serverBurst")] public int ServerBurst { get; init; }
    [JsonPropertyName("limiterWaitMaxMs")] public double LimiterWaitMaxMs { get; init; }
}
