using System.Net;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using SpApi.Auth.Lwa;
using SpApi.Auth.Tests.Support;

namespace SpApi.Auth.Tests.Lwa;

public class LwaClientTests
{
    private static readonly LwaCredentials App = new("client-id", "client-secret-DO-NOT-LEAK");
    private FakeLwa _lwa = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _lwa = new FakeLwa();
        _time = new FakeTimeProvider();
    }

    private LwaClient Client(params TimeSpan[] retryDelays) =>
        new(() => new HttpClient(_lwa.Handler, disposeHandler: false), new LwaClientOptions { RetryDelays = retryDelays }, _time);

    [Test]
    public async Task RefreshTokenGrant_PostsTheFormAndReturnsTheToken()
    {
        var token = await Client().RefreshAsync(App, "Atzr|refresh", CancellationToken.None);

        Assert.That(token.AccessToken, Is.EqualTo("access-Atzr|refresh-1"));
        Assert.That(token.ExpiresIn, Is.EqualTo(TimeSpan.FromHours(1)));
        var form = _lwa.Forms.Single();
        Assert.That(form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = "Atzr|refresh", ["client_id"] = "client-id", ["client_secret"] = "client-secret-DO-NOT-LEAK",
        }));
    }

    [Test]
    public async Task ClientCredentialsGrant_SendsTheScope()
    {
        var token = await Client().ClientCredentialsAsync(App, LwaScopes.Notifications, CancellationToken.None);

        Assert.That(token.AccessToken, Is.EqualTo("access-sellingpartnerapi::notifications-1"));
        var form = _lwa.Forms.Single();
        Assert.That(form["grant_type"], Is.EqualTo("client_credentials"));
        Assert.That(form["scope"], Is.EqualTo("sellingpartnerapi::notifications"));
        Assert.That(form.ContainsKey("refresh_token"), Is.False);
    }

    [Test]
    public async Task AuthorizationCodeGrant_ReturnsTheRefreshToken()
    {
        var token = await Client().ExchangeCodeAsync(App, "ANxyz", new Uri("https://app.example.com/callback"), CancellationToken.None);

        Assert.That(token.RefreshToken, Is.EqualTo("Atzr|new-refresh-token"));
        var form = _lwa.Forms.Single();
        Assert.That(form["grant_type"], Is.EqualTo("authorization_code"));
        Assert.That(form["code"], Is.EqualTo("ANxyz"));
        Assert.That(form["redirect_uri"], Is.EqualTo("https://app.example.com/callback"));
    }

    [TestCase("invalid_grant", HttpStatusCode.BadRequest)]
    [TestCase("invalid_client", HttpStatusCode.Unauthorized)]
    [TestCase("unauthorized_client", HttpStatusCode.BadRequest)]
    [TestCase("invalid_scope", HttpStatusCode.BadRequest)]
    public void LwaRefusal_BecomesTypedExceptionAndIsNotRetried(string error, HttpStatusCode status)
    {
        _lwa.Override = _ => FakeLwa.Error(status, error, "The request has an invalid grant parameter");

        var e = Assert.ThrowsAsync<LwaException>(() => Client(TimeSpan.Zero, TimeSpan.Zero).RefreshAsync(App, "Atzr|refresh-DO-NOT-LEAK", CancellationToken.None));

        Assert.That(e!.Error, Is.EqualTo(error));
        Assert.That(e.ErrorDescription, Is.EqualTo("The request has an invalid grant parameter"));
        Assert.That(e.StatusCode, Is.EqualTo((int)status));
        Assert.That(e.IsTransient, Is.False);
        Assert.That(e.Message, Does.Contain(error).And.Contain("The request has an invalid grant parameter"));
        Assert.That(e.ToString(), Does.Not.Contain("DO-NOT-LEAK"));
        Assert.That(_lwa.Requests, Is.EqualTo(1), "refusals are not retried");
    }

    [Test]
    public async Task ServerError_IsRetriedThenSucceeds()
    {
        var calls = 0;
        _lwa.Override = _ => ++calls < 3 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : null;

        var token = await Client(TimeSpan.Zero, TimeSpan.Zero).RefreshAsync(App, "r", CancellationToken.None);

        Assert.That(token.AccessToken, Is.EqualTo("access-r-1"));
        Assert.That(_lwa.Requests, Is.EqualTo(3));
    }

    [Test]
    public void ServerError_RetriesAreBounded()
    {
        _lwa.Override = _ => new HttpResponseMessage(HttpStatusCode.InternalServerError);

        var e = Assert.ThrowsAsync<LwaException>(() => Client(TimeSpan.Zero, TimeSpan.Zero).RefreshAsync(App, "r", CancellationToken.None));

        Assert.That(e!.Error, Is.EqualTo(LwaException.UnavailableError));
        Assert.That(e.IsTransient, Is.True);
        Assert.That(_lwa.Requests, Is.EqualTo(3), "two delays = three attempts");
    }

    [Test]
    public void TransportFailure_IsRetriedAndReported()
    {
        var handler = new MockHttpMessageHandler();
        var attempts = 0;
        handler.When("*").Respond(_ => { attempts++; throw new HttpRequestException("connection refused"); });
        var client = new LwaClient(() => new HttpClient(handler, false), new LwaClientOptions { RetryDelays = [TimeSpan.Zero] }, _time);

        var e = Assert.ThrowsAsync<LwaException>(() => client.RefreshAsync(App, "r", CancellationToken.None));

        Assert.That(e!.Error, Is.EqualTo(LwaException.UnavailableError));
        Assert.That(e.StatusCode, Is.Null);
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task RetryDelay_ComesFromTheTimeProvider()
    {
        var calls = 0;
        _lwa.Override = _ => ++calls == 1 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : null;

        var pending = Client(TimeSpan.FromSeconds(1)).RefreshAsync(App, "r", CancellationToken.None);
        // Step the fake clock; the retry cannot start before one fake second has passed since the failure.
        var advanced = TimeSpan.Zero;
        var watchdog = System.Diagnostics.Stopwatch.StartNew();
        while (!pending.IsCompleted && watchdog.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_lwa.Requests == 1) { _time.Advance(TimeSpan.FromMilliseconds(100)); advanced += TimeSpan.FromMilliseconds(100); }
            await Task.Yield();
        }
        var token = await pending;

        Assert.That(advanced, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(token.AccessToken, Is.EqualTo("access-r-1"));
        Assert.That(_lwa.Requests, Is.EqualTo(2));
    }

    [Test]
    public void MalformedSuccessBody_IsATypedErrorWithoutTheBody()
    {
        _lwa.Override = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("access_token=Atza|DO-NOT-LEAK") };

        var e = Assert.ThrowsAsync<LwaException>(() => Client().RefreshAsync(App, "r", CancellationToken.None));

        Assert.That(e!.Error, Is.EqualTo("invalid_response"));
        Assert.That(e.ToString(), Does.Not.Contain("DO-NOT-LEAK"));
    }

    [Test]
    public void Credentials_AndTokens_NeverPrintSecrets()
    {
        Assert.That(App.ToString(), Does.Not.Contain("DO-NOT-LEAK").And.Contain("client-id"));
        Assert.That(new LwaToken("Atza|DO-NOT-LEAK", "bearer", TimeSpan.FromHours(1), "Atzr|DO-NOT-LEAK").ToString(), Does.Not.Contain("DO-NOT-LEAK"));
    }
}
