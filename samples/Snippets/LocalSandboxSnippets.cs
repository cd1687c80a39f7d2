using SpApi.Auth;
using SpApi.Clients;
using SpApi.Sandbox;
using SpApi.Sandbox.Cases;

namespace SpApi.Samples.Snippets;

public static class LocalSandboxSnippets
{
    public static SellingPartnerClient Options()
    {
        #region local-sandbox-options
        var options = new SellingPartnerOptions
        {
            ClientId = "amzn1.application-oa2-client.sandbox",   // the sandbox's built-in test application
            ClientSecret = "sandbox-client-secret",
            RefreshToken = "Atzr|sandbox-refresh-token",
        };
        // Base address, LWA token endpoint, consent page and the permission to send tokens to loopback, in one setting.
        options.UseLocalSandbox(new Uri("http://127.0.0.1:8500/"));
        var sp = SellingPartnerClient.Create(options);
        #endregion
        return sp;
    }

    public static void Builder(IServiceCollection services, IConfiguration configuration)
    {
        #region local-sandbox-builder
        services.AddSellingPartnerApi(configuration.GetSection("SellingPartnerApi"))
            .UseLocalSandbox(new Uri("http://127.0.0.1:8500/"));
        #endregion
    }

    public static async Task InProcessAsync(CancellationToken ct)
    {
        #region sandbox-in-process
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ModelsDirectory = ModelsDirectory.Locate(),        // the pinned models' sandbox cases
            Catalog = SpApiOperationCatalog.Instance,          // usage plans, restricted and grantless operations
            TimeProvider = TimeProvider.System,                // a FakeTimeProvider in tests: token expiry, refills
        }, ct);
        var credential = SandboxCredential.Default;
        await using var sp = SellingPartnerClient.Create(new SellingPartnerOptions
        {
            ClientId = credential.ClientId, ClientSecret = credential.ClientSecret, RefreshToken = credential.RefreshToken,
        }.UseLocalSandbox(sandbox.BaseAddress));
        var participations = await sp.Get<SpApi.Sellers.V1.ISellersClient>().GetMarketplaceParticipationsAsync(ct);
        // sandbox.Stats.Snapshot() counts token grants, RDTs, requests per seller; sandbox.Faults.Inject(…) adds faults.
        #endregion
    }
}
