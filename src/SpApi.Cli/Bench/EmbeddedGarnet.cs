using System.Net;
using System.Net.Sockets;
using Garnet;

namespace SpApi.Cli.Bench;

/// <summary>
/// A Garnet server (Redis protocol) in this process, on 127.0.0.1 and a free port, with Lua scripting on and atomic: what the
/// fleet benchmark and the distributed tests use when no other Redis is named. <see cref="Start"/> may be called
/// again with the same port to restart it (the fallback tests stop and restart the server mid-run).
/// </summary>
public sealed class EmbeddedGarnet : IDisposable
{
    private readonly GarnetServer _server;

    private EmbeddedGarnet(GarnetServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>, a StackExchange.Redis connection string.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    public static EmbeddedGarnet Start(int port = 0)
    {
        if (port == 0) port = FreePort();
        // Garnet prints a banner on stdout; keep it out of reports and test output.
        var stdout = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            // --lua-transaction-mode: without it Garnet runs a script as separate commands, so two workers' bucket scripts
            // interleave and one token is handed out twice (Redis runs every script atomically).
            var server = new GarnetServer(["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--lua", "true", "--lua-transaction-mode", "true", "--logger-level", "None", "--memory", "64m", "--index", "1m"]);
            try
            {
                server.Start();
            }
            catch
            {
                server.Dispose();
                throw;
            }
            return new EmbeddedGarnet(server, port);
        }
        finally
        {
            Console.SetOut(stdout);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => _server.Dispose();
}
