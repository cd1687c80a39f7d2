using SpApi.Auth;
using SpApi.Cli.Smoke;
using SpApi.Clients;
using SpApi.Documents;
using SpApi.Sandbox;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Documents;

/// <summary>
/// What <c>spapi reports get</c> and <c>spapi feeds submit</c> run against: Amazon (credentials from SPAPI_CLIENT_ID,
/// SPAPI_CLIENT_SECRET, SPAPI_REFRESH_TOKEN, region from the marketplace) or, with <c>--local-sandbox</c>, the embedded
/// sandbox with its built-in test seller. Dispose to stop the sandbox.
/// </summary>
internal sealed class DocumentCommandSession : IAsyncDisposable
{
    private const double LocalRateScale = 100;

    private DocumentCommandSession(SandboxServer? server, SellingPartnerClient sp, SellingPartnerDocuments documents)
    {
        Server = server;
        SellingPartner = sp;
        Documents = documents;
    }

    public SandboxServer? Server { get; }
    public SellingPartnerClient SellingPartner { get; }
    public SellingPartnerDocuments Documents { get; }

    public static async Task<DocumentCommandSession> StartAsync(CliContext context, bool localSandbox, string marketplace, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var documentOptions = new SpApiDocumentsOptions { Jobs = { MaxWait = maxWait } };
        if (localSandbox)
        {
            var server = await SandboxServer.StartAsync(new SandboxOptions
            {
                Cases = SandboxCaseCatalog.Load(ModelsDirectory.Locate(null)),
                Catalog = SpApiOperationCatalog.Instance,
                RateScale = LocalRateScale,
            }, cancellationToken);
            context.Error.WriteLine($"Embedded sandbox on {server.BaseAddress}.");
            var seller = SandboxCredential.Default;
            var options = new SellingPartnerOptions
            {
                ClientId = seller.ClientId, ClientSecret = seller.ClientSecret, RefreshToken = seller.RefreshToken,
                BaseAddress = server.BaseAddress.ToString(), LwaEndpoint = server.TokenEndpoint.ToString(), AllowLoopbackBaseAddress = true,
                AppName = "spapi-cli",
            };
            SandboxRatePlans.Apply(options.RateLimiting, LocalRateScale);
            // The sandbox's jobs advance per status call: poll briskly.
            documentOptions.Jobs.InitialPollInterval = TimeSpan.FromMilliseconds(200);
            documentOptions.Jobs.MaxPollInterval = TimeSpan.FromSeconds(1);
            var sp = SellingPartnerClient.Create(options);
            return new DocumentCommandSession(server, sp, SellingPartnerDocuments.Create(sp, documentOptions));
        }

        var (credentials, missing) = SmokeCredentials.FromEnvironment();
        if (credentials is null)
            throw new CliUsageException($"set {string.Join(", ", missing)} in the environment (or use --local-sandbox).");
        var live = SellingPartnerClient.Create(new SellingPartnerOptions
        {
            ClientId = credentials.ClientId, ClientSecret = credentials.ClientSecret, RefreshToken = credentials.RefreshToken,
            MarketplaceId = marketplace, AppName = "spapi-cli",
        });
        return new DocumentCommandSession(null, live, SellingPartnerDocuments.Create(live, documentOptions));
    }

    public async ValueTask DisposeAsync()
    {
        Documents.Dispose();
        await SellingPartner.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
    }
}
