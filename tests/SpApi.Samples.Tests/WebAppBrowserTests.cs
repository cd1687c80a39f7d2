using System.Net;
using System.Net.Sockets;
using NUnit.Framework.Interfaces;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using SpApi.Samples.Tests.Support;

namespace SpApi.Samples.Tests;

/// <summary>
/// samples/WebApp in headless Chromium against the local sandbox: "Connect your Amazon account" -> the sandbox's
/// consent page -> the app's callback -> the seller's orders; forged and replayed states end on an error page.
/// </summary>
[NonParallelizable]
public class WebAppBrowserTests
{
    private SampleProcess _app = null!;
    private ChromeDriver _browser = null!;
    private string _address = null!;
    private string _dataDirectory = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _browser = Browser.StartOrSkip();
        _dataDirectory = Path.Combine(Path.GetTempPath(), "spapi-webapp-" + Guid.NewGuid().ToString("N"));
        // The redirect URI names the app's port, so it is chosen before start (a free loopback port).
        var port = FreePort();
        _address = $"http://127.0.0.1:{port}";
        _app = SampleProcess.Start(Repo.SampleDll("WebApp", "SpApi.Samples.WebApp"),
            "--urls", _address, "--Sample:DataDirectory", _dataDirectory, "--Sandbox:ConsentSellerId", "A3BROWSERSELLER");
        await _app.WaitForLineAsync("Now listening on", TimeSpan.FromMinutes(2));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _browser?.Quit();
        _browser?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    [TearDown]
    public void EvidenceOnFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed && _browser is not null)
        {
            Browser.SaveEvidence(_browser, TestContext.CurrentContext.Test.Name);
            TestContext.Out.WriteLine("Web app output:\n" + _app?.Output);
        }
    }

    [Test, Order(1)]
    public void Connect_consent_callback_and_the_sellers_orders()
    {
        _browser.Manage().Cookies.DeleteAllCookies();
        _browser.Navigate().GoToUrl(_address + "/");
        var connect = _browser.FindElement(By.Id("connect"));
        Assert.That(connect.Text, Is.EqualTo("Connect your Amazon account"));

        connect.Click(); // -> /amazon/connect -> sandbox consent page -> /amazon/callback -> /orders

        Assert.That(new Uri(_browser.Url).AbsolutePath, Is.EqualTo("/orders"), _browser.PageSource);
        Assert.That(_browser.FindElement(By.Id("seller")).Text, Is.EqualTo("A3BROWSERSELLER"));
        var ids = _browser.FindElements(By.CssSelector("#orders tr.order td.order-id")).Select(e => e.Text).ToArray();
        Assert.That(ids, Is.EqualTo(new[] { "250-1234567-8901234" }), "searchOrders case 1 of the pinned models, listed for the new seller");
        Assert.That(_browser.FindElement(By.CssSelector("#orders tr.order td.status")).Text, Is.EqualTo("SHIPPED"));

        // The refresh token is on disk only in its Data Protection form.
        var tokenFile = Path.Combine(_dataDirectory, "sellers", "A3BROWSERSELLER.token");
        Assert.That(File.Exists(tokenFile), Is.True, tokenFile);
        Assert.That(File.ReadAllText(tokenFile), Does.Not.Contain("Atzr|").And.StartsWith("CfDJ8"), "a Data Protection payload, not the token");

        // Back home, the app knows this browser's seller.
        _browser.Navigate().GoToUrl(_address + "/");
        Assert.That(_browser.FindElement(By.Id("connected")).Text, Does.Contain("A3BROWSERSELLER"));
    }

    [Test, Order(2)]
    public async Task A_replayed_callback_shows_an_error_page()
    {
        _browser.Navigate().GoToUrl(_address + "/");
        var callback = await CallbackUrlForBrowserSessionAsync();

        _browser.Navigate().GoToUrl(callback);
        Assert.That(new Uri(_browser.Url).AbsolutePath, Is.EqualTo("/orders"), "the first use of the state succeeds");

        _browser.Navigate().GoToUrl(callback);
        Assert.That(new Uri(_browser.Url).AbsolutePath, Is.EqualTo("/amazon/callback"));
        Assert.That(_browser.FindElement(By.TagName("h1")).Text, Is.EqualTo("Authorization failed"));
        Assert.That(_browser.FindElement(By.Id("error")).Text, Does.Contain("already used"));
    }

    [Test, Order(3)]
    public void A_forged_state_shows_an_error_page()
    {
        _browser.Navigate().GoToUrl(_address + "/");
        _browser.Navigate().GoToUrl(_address + "/amazon/callback?state=forged-state&selling_partner_id=A3BROWSERSELLER&spapi_oauth_code=ANYCODE");
        Assert.That(_browser.FindElement(By.TagName("h1")).Text, Is.EqualTo("Authorization failed"));
        Assert.That(_browser.FindElement(By.Id("error")).Text, Does.Contain("was not issued by this application"));
    }

    [Test, Order(4)]
    public async Task A_state_issued_to_another_browser_shows_an_error_page()
    {
        _browser.Navigate().GoToUrl(_address + "/");
        var callback = await CallbackUrlForBrowserSessionAsync();
        _browser.Manage().Cookies.DeleteAllCookies(); // now a different browser session
        _browser.Navigate().GoToUrl(callback);
        Assert.That(_browser.FindElement(By.TagName("h1")).Text, Is.EqualTo("Authorization failed"));
        Assert.That(_browser.FindElement(By.Id("error")).Text, Does.Contain("did not start the authorization"));
    }

    /// <summary>
    /// Walks connect -> consent with this browser's session cookie but without following the last redirect, giving
    /// the callback URL (state and code) that the browser would be sent to.
    /// </summary>
    private async Task<string> CallbackUrlForBrowserSessionAsync()
    {
        if (_browser.Manage().Cookies.GetCookieNamed("spapi-sample-session") is null)
        {
            _browser.Navigate().GoToUrl(_address + "/amazon/connect"); // issues the session cookie (and completes a first flow)
        }
        var session = _browser.Manage().Cookies.GetCookieNamed("spapi-sample-session")!;
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        using var connect = new HttpRequestMessage(HttpMethod.Get, _address + "/amazon/connect");
        connect.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        using var toConsent = await http.SendAsync(connect);
        Assert.That(toConsent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var toCallback = await http.GetAsync(toConsent.Headers.Location);
        Assert.That(toCallback.StatusCode, Is.EqualTo(HttpStatusCode.Found), await toCallback.Content.ReadAsStringAsync());
        var callback = toCallback.Headers.Location!.ToString();
        Assert.That(callback, Does.StartWith(_address + "/amazon/callback?"));
        return callback;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
