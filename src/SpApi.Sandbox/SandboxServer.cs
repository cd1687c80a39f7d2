using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SpApi.Sandbox.Auth;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Documents;
using SpApi.Sandbox.Faults;
using SpApi.Sandbox.Http;
using SpApi.Sandbox.Routing;
using SpApi.Sandbox.Stats;
using SpApi.Sandbox.Throttling;

namespace SpApi.Sandbox;

/// <summary>
/// A running local SP-API sandbox (Kestrel, loopback by default): the models' static cases, LWA token
/// endpoint and consent page, RDTs, usage plans and fault injection. Dispose to stop it.
/// <code>await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Catalog = catalog }, ct);</code>
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseAddress, SandboxCaseCatalog cases, SandboxStats stats, SandboxFaultInjector faults, DocumentHost documents)
    {
        Documents = documents;
        _app = app;
        BaseAddress = baseAddress;
        Cases = cases;
        Stats = stats;
        Faults = faults;
    }

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:50123/</c>; SP-API paths and <c>/auth/o2/token</c> hang off it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The LWA token endpoint of this sandbox.</summary>
    public Uri TokenEndpoint => new(BaseAddress, LwaTokenEndpoint.Path);

    /// <summary>The cases this sandbox serves.</summary>
    public SandboxCaseCatalog Cases { get; }
    /// <summary>Counters of tokens, calls, throttling and faults.</summary>
    public SandboxStats Stats { get; }

    /// <summary>The document storage stand-in: downloads, uploads, refused requests carrying SP-API headers.</summary>
    public DocumentHost Documents { get; }

    /// <summary>Inject faults while the sandbox runs.</summary>
    public SandboxFaultInjector Faults { get; }

    /// <summary>Validates <paramref name="options"/>, loads the cases and starts listening.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var cases = options.Cases ?? (options.ModelsDirectory is { } dir ? SandboxCaseCatalog.Load(dir) : SandboxCaseCatalog.LoadPinned());
        var stats = new SandboxStats();
        var faults = new SandboxFaultInjector(options.Faults);
        var documents = new DocumentHost(options.Documents, options.TimeProvider);
        var dispatcher = CreateDispatcher(options, cases, stats, faults, documents);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(options.ListenAddress, options.Port);
        });
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"), cases, stats, faults, documents);
    }

    private static SandboxDispatcher CreateDispatcher(SandboxOptions options, SandboxCaseCatalog cases, SandboxStats stats, SandboxFaultInjector faults, DocumentHost documents)
    {
        var credentials = options.EffectiveCredentials;
        var tokens = new TokenStore(options.TimeProvider);
        var router = new OperationRouter(cases.Operations);
        var scopes = options.Catalog.All.Select(o => o.GrantlessScope).OfType<string>()
            .Concat(["sellingpartnerapi::notifications", "sellingpartnerapi::client_credential:rotation"])
            .ToHashSet(StringComparer.Ordinal);
        var limiter = options.EnforceUsagePlans ? new UsagePlanLimiter(options.TimeProvider, options.RateScale) : null;
        var rdt = new RestrictedDataTokenEndpoint(router, options.Catalog, options.RestrictedResources, tokens, stats, options.RestrictedDataTokenLifetime,
            options.WithoutRestrictedRoles);
        var simulator = options.Documents.Enabled ? new DocumentJobSimulator(options.Documents, documents, options.TimeProvider) : null;
        var operations = new OperationEndpoint(options.Catalog, new AccessGuard(tokens, options.RestrictedResources), limiter, faults, rdt, stats, options.TimeProvider)
        {
            Documents = simulator,
        };
        return new SandboxDispatcher(
            new LwaTokenEndpoint(credentials, scopes, tokens, stats, options.TokenLifetime),
            new ConsentEndpoint(tokens, options.ConsentSellerId ?? credentials[0].SellerId, options.AuthorizationCodeLifetime),
            new FaultsEndpoint(faults), router, operations, stats) { Documents = documents };
    }

    /// <summary>Stops accepting requests and lets in-flight ones finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <summary>Stops the server (waiting up to five seconds for in-flight requests) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutdown gave up waiting for in-flight requests; disposing aborts them.
        }
        await _app.DisposeAsync();
    }
}
