using SpApi.Sandbox;

namespace SpApi.Cli.Bench;

/// <summary>
/// One seller of the benchmark: the name the client knows it by, the seller id the sandbox attributes its token
/// to, and its own refresh token. ToString never prints the token.
/// </summary>
internal sealed record BenchSeller(string Name, string SellerId, string RefreshToken)
{
    public const string ClientId = "amzn1.application-oa2-client.bench";
    public const string ClientSecret = "bench-client-secret";

    /// <summary><paramref name="count"/> sellers with distinct names, seller ids and random refresh tokens.</summary>
    public static IReadOnlyList<BenchSeller> Create(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new BenchSeller($"seller-{i:D3}", $"A{i:D3}BENCHSELLER", $"Atzr|bench-{i:D3}-{Guid.NewGuid():N}"))
            .ToArray();

    public SandboxCredential Credential => new(ClientId, ClientSecret, RefreshToken, SellerId);

    public override string ToString() => $"BenchSeller {{ Name = {Name}, SellerId = {SellerId} }}";
}
