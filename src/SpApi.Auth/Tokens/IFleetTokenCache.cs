namespace SpApi.Auth.Tokens;

/// <summary>
/// An <see cref="ITokenCache"/> shared by several processes that also makes one of them refresh a token at a time:
/// <see cref="SingleFlightTokenStore"/> hands its refreshes to it, so a fleet asks LWA once per token, not once per process.
/// </summary>
public interface IFleetTokenCache : ITokenCache
{
    /// <summary>
    /// The cached token for <paramref name="key"/> if <paramref name="isValid"/>, else the result of
    /// <paramref name="fetch"/> run by one process of the fleet at a time (stored for all); the others wait for it.
    /// </summary>
    Task<CachedToken> GetOrRefreshAsync(string key, Func<CachedToken, bool> isValid, Func<CancellationToken, Task<CachedToken>> fetch,
        CancellationToken cancellationToken);
}
