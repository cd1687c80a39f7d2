using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Bench;

/// <summary>How <see cref="ConcurrencyBenchmark"/> runs: how many sellers and calls, and how the sandbox is tuned.</summary>
public sealed class ConcurrencyBenchmarkOptions
{
    /// <summary>Sellers, each with its own refresh token and seller id on the sandbox.</summary>
    public int Sellers { get; init; } = 50;

    /// <summary>Calls started at once, spread round-robin over the sellers.</summary>
    public int Calls { get; init; } = 10_000;

    /// <summary>
    /// Every n-th round of calls (one per seller), starting with the first, is the restricted Orders v0 getOrder (needs
    /// an RDT); the others are Sellers getMarketplaceParticipations.
    /// </summary>
    public int RestrictedEvery { get; init; } = 4;

    /// <summary>Usage-plan multiplier for the sandbox and the client; null picks one that fits each seller's calls into the bursts.</summary>
    public double? RateScale { get; init; }

    /// <summary>HTTP connections to the sandbox (requests in flight on the wire).</summary>
    public int Connections { get; init; } = 64;

    /// <summary>A stage between the request counter and the socket (tests use it to break the pipeline on purpose).</summary>
    internal Func<DelegatingHandler>? WireTap { get; init; }

    /// <summary>The static cases the sandbox serves.</summary>
    public required SandboxCaseCatalog Cases { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Cases);
        if (Sellers < 1) throw new ArgumentOutOfRangeException(nameof(Sellers), Sellers, "Sellers must be at least 1.");
        if (Calls < Sellers) throw new ArgumentOutOfRangeException(nameof(Calls), Calls, $"Calls must be at least the number of sellers ({Sellers}).");
        if (RestrictedEvery < 1) throw new ArgumentOutOfRangeException(nameof(RestrictedEvery), RestrictedEvery, "RestrictedEvery must be at least 1.");
        if (RateScale is { } s && !(s > 0 && double.IsFinite(s))) throw new ArgumentOutOfRangeException(nameof(RateScale), s, "RateScale must be a positive finite number.");
        if (Connections < 1) throw new ArgumentOutOfRangeException(nameof(Connections), Connections, "Connections must be at least 1.");
    }
}
