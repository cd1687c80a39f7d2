using Microsoft.Extensions.Configuration;
using SpApi.Auth;
using SpApi.Clients;
using SpApi.Sandbox;
using SpApi.Sandbox.Cases;

namespace SpApi.Samples;

/// <summary>
/// The samples' default: with no <c>SellingPartnerApi:ClientId</c> configured, start the local SP-API sandbox in this
/// process (a free loopback port, the pinned models' sandbox cases) and point the client at it.
/// Configure real credentials (user-secrets, environment variables) and the sandbox is not started.
/// </summary>
public sealed class SampleSandbox : IAsyncDisposable
{
    private readonly SandboxServer _server;

    private SampleSandbox(SandboxServer server) => _server = server;

    /// <summary>The sandbox's address (also the LWA endpoint's and the consent page's host).</summary>
    public Uri Address => _server.BaseAddress;

    /// <summary>Starts the sandbox unless <paramref name="configuration"/> names an SP-API application.</summary>
    public static async Task<SampleSandbox?> StartUnlessConfiguredAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(configuration["SellingPartnerApi:ClientId"])) return null;
        var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            ModelsDirectory = ModelsDirectory.Locate(),
            Catalog = SpApiOperationCatalog.Instance,
            ConsentSellerId = configuration["Sandbox:ConsentSellerId"] ?? "A2SAMPLESELLER",
        }, cancellationToken);
        return new SampleSandbox(server);
    }

    /// <summary>The sandbox's test application (and, unless <paramref name="withSeller"/> is false, its seller) on <paramref name="options"/>.</summary>
    public void Configure(SellingPartnerOptions options, bool withSeller = true)
    {
        var credential = SandboxCredential.Default;
        options.ClientId = credential.ClientId;
        options.ClientSecret = credential.ClientSecret;
        if (withSeller) options.RefreshToken = credential.RefreshToken;
        options.UseLocalSandbox(Address);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
