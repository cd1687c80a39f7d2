using System.Net.Http.Headers;
using SpApi.Auth;
using SpApi.Clients;
using SpApi.Sandbox;
using SpApi.Sandbox.Cases;

namespace SpApi.Documents.Tests.Support;

/// <summary>
/// The embedded sandbox plus an application's full SpApi.Auth pipeline pointed at it, and the documents add-on
/// whose storage transport records every request's headers (to prove no SP-API header reaches a document URL).
/// Job polling runs on an <see cref="InstantTimeProvider"/>: no real waiting.
/// </summary>
internal sealed class SandboxSession : IAsyncDisposable
{
    private static readonly Lazy<SandboxCaseCatalog> Cases = new(() => SandboxCaseCatalog.Load(ModelsDirectory.Locate()));

    private SandboxSession(SandboxServer server, SellingPartnerClient sp, SellingPartnerDocuments documents, RecordingTransport storage, InstantTimeProvider time)
    {
        Server = server;
        SellingPartner = sp;
        Documents = documents;
        Storage = storage;
        Time = time;
    }

    public SandboxServer Server { get; }
    public SellingPartnerClient SellingPartner { get; }
    public SellingPartnerDocuments Documents { get; }
    public RecordingTransport Storage { get; }
    public InstantTimeProvider Time { get; }

    public static async Task<SandboxSession> StartAsync(Action<SandboxOptions>? configure = null, Action<SpApiDocumentsOptions>? documents = null,
        TimeProvider? sandboxTime = null)
    {
        var time = new InstantTimeProvider();
        var options = new SandboxOptions { Cases = Cases.Value, Catalog = SpApiOperationCatalog.Instance, TimeProvider = sandboxTime ?? TimeProvider.System };
        configure?.Invoke(options);
        var server = await SandboxServer.StartAsync(options, CancellationToken.None);
        var seller = SandboxCredential.Default;
        var sp = SellingPartnerClient.Create(new SellingPartnerOptions
        {
            ClientId = seller.ClientId,
            ClientSecret = seller.ClientSecret,
            RefreshToken = seller.RefreshToken,
            BaseAddress = server.BaseAddress.ToString(),
            LwaEndpoint = server.TokenEndpoint.ToString(),
            AllowLoopbackBaseAddress = true,
            AppName = "documents-tests",
        });
        var documentOptions = new SpApiDocumentsOptions();
        documentOptions.Jobs.InitialPollInterval = TimeSpan.FromSeconds(1);
        documentOptions.Jobs.MaxPollInterval = TimeSpan.FromSeconds(5);
        documents?.Invoke(documentOptions);
        var storage = new RecordingTransport();
        return new SandboxSession(server, sp, SellingPartnerDocuments.Create(sp, documentOptions, time, storage), storage, time);
    }

    public async ValueTask DisposeAsync()
    {
        Documents.Dispose();
        await SellingPartner.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Real sockets, recording each request's headers before sending it.</summary>
    internal sealed class RecordingTransport() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        private readonly List<(HttpMethod Method, Uri Url, HttpRequestHeaders Headers)> _requests = [];

        public IReadOnlyList<(HttpMethod Method, Uri Url, HttpRequestHeaders Headers)> Requests { get { lock (_requests) return _requests.ToArray(); } }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_requests) _requests.Add((request.Method, request.RequestUri!, request.Headers));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
