using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpApi.Auth;
using SpApi.Auth.Configuration;
using SpApi.Auth.Pipeline;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Redis;
using SpApi.Auth.Telemetry;
using SpApi.Auth.Tokens;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>UseRedis</c>: one registration that shares usage-plan buckets and tokens with the rest of the fleet.</summary>
public static class SellingPartnerApiBuilderRedisExtensions
{
    /// <summary>Shares usage plans (and, with a <see cref="SpApiRedisOptions.TokenEncryptionKey"/>, tokens) through the Redis at <paramref name="connectionString"/>.</summary>
    public static SellingPartnerApiBuilder UseRedis(this SellingPartnerApiBuilder builder, string connectionString, Action<SpApiRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseRedisCore(null, o => { o.ConnectionString = connectionString; configure?.Invoke(o); });
    }

    /// <summary>Shares usage plans (and, with a <see cref="SpApiRedisOptions.TokenEncryptionKey"/>, tokens) through an existing connection.</summary>
    public static SellingPartnerApiBuilder UseRedis(this SellingPartnerApiBuilder builder, IConnectionMultiplexer multiplexer, Action<SpApiRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        return builder.UseRedisCore(multiplexer, configure);
    }

    private static SellingPartnerApiBuilder UseRedisCore(this SellingPartnerApiBuilder builder, IConnectionMultiplexer? multiplexer, Action<SpApiRedisOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SpApiRedisOptions>().Configure(o => configure?.Invoke(o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpApiRedisOptions>>(new Validator(multiplexer is not null)));
        services.TryAddSingleton(sp => new FleetRedis(sp.GetRequiredService<IOptions<SpApiRedisOptions>>().Value, multiplexer,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SpApiMetrics>(), sp.GetService<ILogger<FleetRedis>>()));
        services.TryAddSingleton(sp => new FleetRateLimiter(sp.GetRequiredService<FleetRedis>(),
            sp.GetRequiredService<IOptions<SellingPartnerOptions>>().Value.RateLimiting,
            sp.GetRequiredService<SellingPartnerSettings>().Application.ClientId, sp.GetRequiredService<TimeProvider>()));
        builder.UseStage(PipelineStage.RateLimit, sp => new DistributedRateLimitHandler(sp.GetRequiredService<FleetRateLimiter>(),
            sp.GetService<ILogger<RateLimitHandler>>()));
        // Tokens go to Redis only encrypted; without a key each worker keeps its own (see docs/fleet.md).
        services.Replace(ServiceDescriptor.Singleton<ITokenCache>(sp =>
        {
            var redis = sp.GetRequiredService<FleetRedis>();
            return redis.Options.TokenKeyBytes is null
                ? new InMemoryTokenCache(sp.GetRequiredService<TimeProvider>())
                : new RedisTokenCache(redis, sp.GetRequiredService<TimeProvider>());
        }));
        return builder;
    }

    private sealed class Validator(bool multiplexerGiven) : IValidateOptions<SpApiRedisOptions>
    {
        public ValidateOptionsResult Validate(string? name, SpApiRedisOptions options)
        {
            try
            {
                options.Validate(multiplexerGiven);
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
