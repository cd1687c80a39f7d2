using StackExchange.Redis;

namespace SpApi.Auth.Redis;

/// <summary>
/// Options of <c>UseRedis(...)</c>: where the fleet's shared state lives and how a worker behaves without it.
/// Validated when the host starts; errors name the option.
/// </summary>
public sealed class SpApiRedisOptions
{
    /// <summary>StackExchange.Redis configuration string (<c>host:port,password=...,ssl=true</c>). Not needed when a multiplexer is given.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix of every key this library writes (<c>{prefix}:rl:...</c>, <c>{prefix}:token:...</c>, <c>{prefix}:lock:...</c>). Default <c>spapi</c>.</summary>
    public string KeyPrefix { get; set; } = "spapi";

    /// <summary>Workers expected to share each seller's quota. Sets the default <see cref="FallbackPlanShare"/>. Default 1.</summary>
    public int ExpectedFleetSize { get; set; } = 1;

    /// <summary>
    /// Share of each usage plan one worker uses on its own buckets while Redis is unreachable (rate and burst
    /// scaled, burst at least 1). Default <c>1 / ExpectedFleetSize</c>.
    /// </summary>
    public double? FallbackPlanShare { get; set; }

    /// <summary>
    /// 32-byte AES-256 key (base64) that encrypts tokens stored in Redis (AES-GCM; the key name is bound in as
    /// associated data). Every worker needs the same key. Without it tokens are not shared: each worker keeps
    /// its own in memory, and the fleet makes one LWA refresh per worker instead of one.
    /// </summary>
    public string? TokenEncryptionKey { get; set; }

    /// <summary>Longest one worker holds the fleet-wide refresh lock of a token (LWA answers well within it). Default 15 s.</summary>
    public TimeSpan TokenLockTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a worker waiting for another's refresh looks for the result. Default 50 ms.</summary>
    public TimeSpan TokenWaitPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>While Redis is unreachable, how often a worker tries it again. Default 1 s.</summary>
    public TimeSpan ReconnectProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal double EffectiveFallbackShare => FallbackPlanShare ?? 1.0 / ExpectedFleetSize;

    internal byte[]? TokenKeyBytes => string.IsNullOrEmpty(TokenEncryptionKey) ? null : Convert.FromBase64String(TokenEncryptionKey);

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid option.</summary>
    public void Validate(bool multiplexerGiven)
    {
        var problems = new List<string>();
        if (!multiplexerGiven)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString)) problems.Add("ConnectionString is required (e.g. \"localhost:6379\") unless an IConnectionMultiplexer is given");
            else
                try { ConfigurationOptions.Parse(ConnectionString); }
                catch (ArgumentException e) { problems.Add($"ConnectionString is not a valid Redis configuration ({e.Message})"); }
        }
        if (string.IsNullOrWhiteSpace(KeyPrefix) || KeyPrefix.Any(char.IsWhiteSpace)) problems.Add($"KeyPrefix must be non-empty without spaces (got '{KeyPrefix}')");
        if (ExpectedFleetSize < 1) problems.Add($"ExpectedFleetSize must be 1 or more (got {ExpectedFleetSize})");
        if (FallbackPlanShare is { } share && !(share > 0 && share <= 1)) problems.Add($"FallbackPlanShare must be above 0 and at most 1 (got {share})");
        if (!string.IsNullOrEmpty(TokenEncryptionKey))
        {
            byte[]? key = null;
            try { key = Convert.FromBase64String(TokenEncryptionKey); } catch (FormatException) { }
            if (key?.Length != 32) problems.Add("TokenEncryptionKey must be 32 bytes in base64 (e.g. from 'openssl rand -base64 32')");
        }
        if (TokenLockTimeout <= TimeSpan.Zero) problems.Add($"TokenLockTimeout must be positive (got {TokenLockTimeout})");
        if (TokenWaitPollInterval <= TimeSpan.Zero) problems.Add($"TokenWaitPollInterval must be positive (got {TokenWaitPollInterval})");
        if (ReconnectProbeInterval <= TimeSpan.Zero) problems.Add($"ReconnectProbeInterval must be positive (got {ReconnectProbeInterval})");
        if (problems.Count > 0) throw new ArgumentException("Invalid SpApiRedisOptions: " + string.Join("; ", problems) + ".");
    }
}
