using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using SpApi.Auth.Handlers;
using SpApi.Auth.Lwa;
using SpApi.Auth.Pipeline;
using SpApi.Auth.Standalone;
using SpApi.Auth.Tests.Support;
using SpApi.Sellers.V1;
using SpApi.Auth.Tests.Resilience.Support;

namespace SpApi.Auth.Tests.Startup;

/// <summary>
/// <c>SellingPartnerClient.Create</c> without a <c>configure</c> callback starts without a DI container or
/// IHttpClientFactory, yet builds the same pipeline (same order, same stages) and behaves as the container path.
/// </summary>
public class StandaloneClientTests
{
    private const string TokenRequestLine = "POST /auth/o2/token";
    private const string TokenJson = """{"access_token":"Atza|standalone","token_type":"bearer","expires_in":3600}""";
    private const string ParticipationsJson = """{"payload":[{"marketplace":{"id":"ATVPDKIKX0DER","name":"Amazon.com","countryCode":"US","defaultCurrencyCode":"USD","defaultLanguageCode":"en_US","domainName":"www.amazon.com"},"participation":{"isParticipating":true,"hasSuspendedListings":false}}]}""";

    // Prefetch off unless a test is about it: the other tests count requests or have no LWA to talk to.
    private static SellingPartnerOptions Options(Uri server, bool prefetch = false) => new()
    {
        ClientId = "amzn1.application-oa2-client.test",
        ClientSecret = "secret",
        RefreshToken = "Atzr|refresh",
        BaseAddress = server.ToString(),
        LwaEndpoint = new Uri(server, "auth/o2/token").ToString(),
        AllowLoopbackBaseAddress = true,
        PrefetchAccessToken = prefetch,
    };

    private static List<HttpMessageHandler> Chain(IServiceProvider services, string name) =>
        HandlerChain.From(services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name));

    [Test]
    public void WithoutConfigure_NoContainer_AndTheDocumentedPipelineOverOneNonRedirectingTransport()
    {
        using var sp = SellingPartnerClient.Create(Options(new Uri("http://127.0.0.1:5080/")));

        Assert.That(sp.Services, Is.Not.InstanceOf<ServiceProvider>(), "no DI container is built");
        var chain = Chain(sp.Services, SellingPartnerClientFactory.PipelineName);
        Assert.That(chain.Select(h => h.GetType().Name), Is.EqualTo(new[]
        {
            "SellerEndpointHandler", "TelemetryHandler", "RetryHandler", "RateLimitHandler", "AuthHandler", "SocketsHttpHandler",
        }));
        var transport = (SocketsHttpHandler)chain[^1];
        Assert.That(transport.AllowAutoRedirect, Is.False, "SP-API and LWA never redirect; following one would carry tokens along");

        var tokens = Chain(sp.Services, SellingPartnerServiceCollectionExtensions.TokensPipelineName);
        Assert.That(tokens.Select(h => h.GetType().Name).Take(5), Is.EqualTo(chain.Select(h => h.GetType().Name).Take(5)));
        Assert.That(tokens[^1], Is.SameAs(transport), "one connection pool for every pipeline");
        Assert.That(tokens, Is.Not.SameAs(chain));
        Assert.That(Chain(sp.Services, SellingPartnerClientFactory.PipelineName)[0], Is.SameAs(chain[0]), "the pipeline is built once");
    }

    [Test]
    public void WithoutConfigure_TheSameSingletonsAsTheContainerPath()
    {
        using var sp = SellingPartnerClient.Create(Options(new Uri("http://127.0.0.1:5080/")));

        Assert.That(sp.Services.GetRequiredService<ILwaClient>(), Is.SameAs(sp.Services.GetRequiredService<ILwaClient>()));
        Assert.That(sp.Services.GetRequiredService<SpApiClientCatalog>().ImplementationOf(typeof(ISellersClient)), Is.EqualTo(typeof(SellersClient)));
        Assert.That(sp.Services.GetService(typeof(Microsoft.Extensions.Logging.ILogger<AuthHandler>)), Is.Null, "no logging unless the application brings it");
        Assert.That(sp.Authorization, Is.SameAs(sp.Authorization));
        Assert.Throws<ArgumentException>(() => sp.Get<string>());
    }

    [Test]
    public async Task WithoutConfigure_ACallGetsItsTokenAndAnswer_AndATransientFaultIsRetried()
    {
        var gets = 0;
        await using var server = new LoopbackHttpServer(line =>
            line.StartsWith(TokenRequestLine, StringComparison.Ordinal) ? LoopbackHttpServer.Answer(200, TokenJson)
            : Interlocked.Increment(ref gets) == 1 ? LoopbackHttpServer.Answer(503, """{"errors":[{"code":"ServiceUnavailable","message":"try again"}]}""")
            : LoopbackHttpServer.Answer(200, ParticipationsJson));
        var options = Options(server.Address);
        options.Retry.BaseDelay = TimeSpan.Zero; // no waiting in tests: the retry itself is what is checked
        await using var sp = SellingPartnerClient.Create(options);

        var answer = await sp.Get<ISellersClient>().GetMarketplaceParticipationsAsync(CancellationToken.None);

        Assert.That(answer.Payload.Single().Marketplace.Id, Is.EqualTo("ATVPDKIKX0DER"));
        Assert.That(TokenRequests(server), Is.EqualTo(1), "one token for both attempts");
        Assert.That(server.Requests.Count(r => r.RequestLine.StartsWith("GET /sellers/v1/marketplaceParticipations", StringComparison.Ordinal)), Is.EqualTo(2), "the 503 of the first attempt (made outside Polly) was retried once, through Polly");
    }

    [Test]
    public void WithoutConfigure_DisposedServicesRefuseWork()
    {
        var sp = SellingPartnerClient.Create(Options(new Uri("http://127.0.0.1:5080/")));
        var services = sp.Services;
        sp.Dispose();
        sp.Dispose();

        Assert.Throws<ObjectDisposedException>(() => services.GetService(typeof(ILwaClient)));
    }

    [Test]
    public async Task Get_BuildsNoPipeline_TheFirstCallBuildsIt_AndLaterCallsUseTheSameOne()
    {
        await using var server = new LoopbackHttpServer(TokenOrParticipations);
        await using var sp = SellingPartnerClient.Create(Options(server.Address));
        var http = ((StandaloneServices)sp.Services).Http;

        var sellers = sp.Get<ISellersClient>();
        Assert.That(http.IsBuilt(SellingPartnerClientFactory.PipelineName), Is.False, "a client is ready before its pipeline is built");

        await sellers.GetMarketplaceParticipationsAsync(CancellationToken.None);
        Assert.That(http.IsBuilt(SellingPartnerClientFactory.PipelineName), Is.True);
        var built = Chain(sp.Services, SellingPartnerClientFactory.PipelineName)[0];
        await sp.Get<ISellersClient>().GetMarketplaceParticipationsAsync(CancellationToken.None);
        Assert.That(Chain(sp.Services, SellingPartnerClientFactory.PipelineName)[0], Is.SameAs(built), "built once, shared by every client");
        Assert.That(http.IsBuilt(SellingPartnerServiceCollectionExtensions.TokensPipelineName), Is.False, "the RDT pipeline waits for a restricted call");
    }

    [Test]
    public async Task Get_MakesNoHttpClient_EachClientMakesOneOnItsFirstCall()
    {
        await using var server = new LoopbackHttpServer(TokenOrParticipations);
        await using var sp = SellingPartnerClient.Create(Options(server.Address));
        var http = ((StandaloneServices)sp.Services).Http;

        var first = sp.Get<ISellersClient>();
        var second = sp.Get<ISellersClient>();
        Assert.That(http.SpApiClientsMade, Is.Zero, "Get returns before .NET's HTTP stack is needed");

        await first.GetMarketplaceParticipationsAsync(CancellationToken.None);
        await first.GetMarketplaceParticipationsAsync(CancellationToken.None);
        Assert.That(http.SpApiClientsMade, Is.EqualTo(1), "made on the first call, kept for the next");
        var answer = await second.GetMarketplaceParticipationsAsync(CancellationToken.None);
        Assert.That(http.SpApiClientsMade, Is.EqualTo(2));
        Assert.That(answer.Payload, Has.Count.EqualTo(1), "over the same base address and pipeline");
        Assert.That(server.Requests.Count(r => r.RequestLine.StartsWith("GET /sellers/v1/marketplaceParticipations", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [Test]
    public void AClientWhoseServicesWereDisposedBeforeItsFirstCall_FailsWithObjectDisposed()
    {
        var sp = SellingPartnerClient.Create(Options(new Uri("http://127.0.0.1:5080/")));
        var sellers = sp.Get<ISellersClient>();
        sp.Dispose();

        Assert.ThrowsAsync<ObjectDisposedException>(() => sellers.GetMarketplaceParticipationsAsync(CancellationToken.None));
    }

    [Test]
    public async Task Prefetch_FetchesTheDefaultSellersTokenBeforeAnyCall_AndTheFirstCallUsesIt()
    {
        await using var server = new LoopbackHttpServer(TokenOrParticipations);
        await using var sp = SellingPartnerClient.Create(Options(server.Address, prefetch: true));

        await PrefetchOf(sp).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(TokenRequests(server), Is.EqualTo(1), "the exchange ran without any call");

        var answer = await sp.Get<ISellersClient>().GetMarketplaceParticipationsAsync(CancellationToken.None);
        Assert.That(answer.Payload, Has.Count.EqualTo(1));
        Assert.That(TokenRequests(server), Is.EqualTo(1), "the first call used the prefetched token");
    }

    [Test]
    public async Task PrefetchOff_NothingIsFetchedUntilTheFirstCall()
    {
        await using var server = new LoopbackHttpServer(TokenOrParticipations);
        await using var sp = SellingPartnerClient.Create(Options(server.Address, prefetch: false));

        Assert.That(((StandaloneServices)sp.Services).Prefetch, Is.Null);
        Assert.That(TokenRequests(server), Is.Zero);
        await sp.Get<ISellersClient>().GetMarketplaceParticipationsAsync(CancellationToken.None);
        Assert.That(TokenRequests(server), Is.EqualTo(1));
    }

    [Test]
    public async Task PrefetchRefused_IsReportedByTheFirstCall_NotByCreate()
    {
        await using var server = new LoopbackHttpServer(line =>
            line.StartsWith(TokenRequestLine, StringComparison.Ordinal)
                ? LoopbackHttpServer.Answer(400, """{"error":"invalid_grant","error_description":"The request has an invalid grant parameter : refresh_token"}""")
                : LoopbackHttpServer.Answer(200, ParticipationsJson));
        await using var sp = SellingPartnerClient.Create(Options(server.Address, prefetch: true));

        await PrefetchOf(sp).WaitAsync(TimeSpan.FromSeconds(30)); // ends quietly
        var error = Assert.ThrowsAsync<LwaException>(() => sp.Get<ISellersClient>().GetMarketplaceParticipationsAsync(CancellationToken.None));
        Assert.That(error!.Error, Is.EqualTo("invalid_grant"));
        Assert.That(server.Requests.Count(r => r.RequestLine.StartsWith("GET ", StringComparison.Ordinal)), Is.Zero, "nothing reached SP-API");
    }

    [Test]
    public async Task Dispose_StopsWaitingForAnExchangeLwaHasNotAnswered()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        await using var server = new LoopbackHttpServer(line =>
        {
            asked.TrySetResult();
            release.Wait(TimeSpan.FromSeconds(60)); // LWA holds its answer until the test is done
            return LoopbackHttpServer.Answer(200, TokenJson);
        });
        var sp = SellingPartnerClient.Create(Options(server.Address, prefetch: true));
        var prefetch = PrefetchOf(sp);
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the exchange is on the wire

        sp.Dispose();

        // Without Dispose ending the wait, the prefetch would wait for LWA's answer (held for a minute).
        Assert.DoesNotThrowAsync(() => prefetch.WaitAsync(TimeSpan.FromSeconds(10)));
        release.Set();
    }

    private static string TokenOrParticipations(string line) =>
        line.StartsWith(TokenRequestLine, StringComparison.Ordinal) ? LoopbackHttpServer.Answer(200, TokenJson) : LoopbackHttpServer.Answer(200, ParticipationsJson);

    private static Task PrefetchOf(SellingPartnerClient sp) =>
        ((StandaloneServices)sp.Services).Prefetch ?? throw new AssertionException("no prefetch was started");

    private static int TokenRequests(LoopbackHttpServer server) =>
        server.Requests.Count(r => r.RequestLine.StartsWith(TokenRequestLine, StringComparison.Ordinal));
}
