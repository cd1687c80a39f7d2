using System.Net;
using System.Net.Sockets;
using SpApi.Sandbox.Tests.Support;

namespace SpApi.Sandbox.Tests.Http;

public class SandboxServerTests
{
    [Test]
    public async Task Listens_on_a_random_loopback_port_by_default()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        Assert.That(sandbox.Server.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(sandbox.Server.BaseAddress.Port, Is.GreaterThan(0));
        Assert.That(sandbox.Server.TokenEndpoint.AbsolutePath, Is.EqualTo("/auth/o2/token"));
    }

    [Test]
    public async Task Stops_listening_when_disposed()
    {
        var sandbox = await SandboxHarness.StartAsync();
        var address = sandbox.Server.BaseAddress;
        await sandbox.DisposeAsync();
        using var http = new HttpClient();
        Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(address, "/_sandbox/stats")));
    }

    [Test]
    public async Task A_busy_port_is_a_clear_startup_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var options = new SandboxOptions { Cases = TestModels.Cases, Port = port };
        var e = Assert.CatchAsync<IOException>(() => SandboxServer.StartAsync(options, CancellationToken.None));
        Assert.That(e!.Message, Does.Contain(port.ToString()));
    }

    [TestCase(nameof(SandboxOptions.RateScale))]
    [TestCase(nameof(SandboxOptions.TokenLifetime))]
    [TestCase(nameof(SandboxOptions.Port))]
    [TestCase(nameof(SandboxOptions.ModelsDirectory))]
    [TestCase(nameof(SandboxOptions.Credentials))]
    public void Invalid_options_fail_fast_naming_the_option(string option)
    {
        var options = new SandboxOptions { Cases = TestModels.Cases };
        switch (option)
        {
            case nameof(SandboxOptions.RateScale): options.RateScale = 0; break;
            case nameof(SandboxOptions.TokenLifetime): options.TokenLifetime = TimeSpan.Zero; break;
            case nameof(SandboxOptions.Port): options.Port = 70000; break;
            case nameof(SandboxOptions.ModelsDirectory): options.Cases = null; options.ModelsDirectory = " "; break;
            case nameof(SandboxOptions.Credentials): options.Credentials.Add(new SandboxCredential("id", "", "r", "s")); break;
        }
        var e = Assert.CatchAsync<ArgumentException>(() => SandboxServer.StartAsync(options, CancellationToken.None));
        Assert.That(e!.Message, Does.Contain(option));
    }

    [Test]
    public void Credentials_never_print_their_secrets()
    {
        var text = SandboxHarness.Seller1.ToString();
        Assert.That(text, Does.Not.Contain(SandboxHarness.Seller1.ClientSecret).And.Not.Contain(SandboxHarness.Seller1.RefreshToken));
        Assert.That(text, Does.Contain(SandboxHarness.Seller1.SellerId));
    }
}
