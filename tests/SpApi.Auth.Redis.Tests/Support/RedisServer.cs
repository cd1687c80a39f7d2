using SpApi.Cli.Bench;

// In the root namespace of the tests: NUnit runs a SetUpFixture for its namespace and below.

namespace SpApi.Auth.Redis.Tests;

/// <summary>
/// The Redis server the distributed tests run against: the one named by <c>SPAPI_TEST_REDIS</c> (host:port, e.g. Debian's
/// redis-server in CI), else an embedded Garnet started once for the test run on a free loopback port.
/// Tests isolate themselves with a unique key prefix, never by flushing.
/// </summary>
[SetUpFixture]
public sealed class RedisServer
{
    public const string EnvironmentVariable = "SPAPI_TEST_REDIS";

    private static EmbeddedGarnet? _garnet;

    /// <summary>host:port of the server under test.</summary>
    public static string Endpoint { get; private set; } = "";

    /// <summary>Which server this run tests (for the test log).</summary>
    public static string Kind => _garnet is null ? "external (" + EnvironmentVariable + ")" : "embedded Garnet";

    [OneTimeSetUp]
    public void Start()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            Endpoint = external.Trim();
            return;
        }
        _garnet = EmbeddedGarnet.Start();
        Endpoint = _garnet.Endpoint;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _garnet?.Dispose();
        _garnet = null;
    }

    /// <summary>The keys matching <paramref name="pattern"/> on the server under test.</summary>
    public static async Task<List<StackExchange.Redis.RedisKey>> KeysAsync(string pattern)
    {
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Endpoint);
        var keys = new List<StackExchange.Redis.RedisKey>();
        await foreach (var key in connection.GetServers()[0].KeysAsync(pattern: pattern)) keys.Add(key);
        return keys;
    }

    /// <summary>A key prefix no other test uses.</summary>
    public static string UniquePrefix() => "spapi-test-" + Guid.NewGuid().ToString("N")[..12];
}
