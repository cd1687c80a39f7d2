using SpApi.Auth.Lwa;

namespace SpApi.Cli.Bench;

/// <summary>
/// Login with Amazon for the benchmarks: hands out one hour-long access token and counts the requests, so
/// the pipeline fetches a token once and then runs on its cache (the steady state being measured).
/// </summary>
internal sealed class BenchLwaClient : ILwaClient
{
    public const string AccessToken = "Atza|bench-cached-access-token";

    private int _tokensIssued;

    /// <summary>Tokens handed out so far (1 after the first call when the cache works).</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public Task<LwaToken> RefreshAsync(LwaCredentials app, string refreshToken, CancellationToken cancellationToken) => Issue();

    public Task<LwaToken> ClientCredentialsAsync(LwaCredentials app, string scope, CancellationToken cancellationToken) => Issue();

    public Task<LwaToken> ExchangeCodeAsync(LwaCredentials app, string code, Uri? redirectUri, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The benchmarks never exchange authorization codes.");

    private Task<LwaToken> Issue()
    {
        Interlocked.Increment(ref _tokensIssued);
        return Task.FromResult(new LwaToken(AccessToken, "bearer", TimeSpan.FromHours(1), null));
    }
}
