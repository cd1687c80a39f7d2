using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using SpApi.Cli.Tests.Support;
using SpApi.Clients;
using SpApi.Sandbox;

namespace SpApi.Cli.Tests.Commands;

public class AuthCommandsTests
{
    [Test]
    public async Task Consent_url_names_the_portal_app_state_redirect_and_beta()
    {
        var (exit, output, _) = await CliRun.RunAsync("auth", "consent-url", "--application-id", "amzn1.sp.solution.abc",
            "--marketplace", "DE", "--redirect-uri", "https://app.example.com/cb", "--beta");
        Assert.That(exit, Is.Zero);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var url = new Uri(lines[0]);
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.That(url.AbsolutePath, Is.EqualTo("/apps/authorize/consent"));
        Assert.That(url.Host, Does.StartWith("sellercentral"));
        Assert.That(query["application_id"].ToString(), Is.EqualTo("amzn1.sp.solution.abc"));
        Assert.That(query["redirect_uri"].ToString(), Is.EqualTo("https://app.example.com/cb"));
        Assert.That(query["version"].ToString(), Is.EqualTo("beta"));
        Assert.That(lines[1], Is.EqualTo("state: " + query["state"]));

        var (_, again, _) = await CliRun.RunAsync("auth", "consent-url", "--application-id", "amzn1.sp.solution.abc");
        Assert.That(again, Does.Not.Contain(query["state"].ToString()), "every URL gets a fresh random state");
    }

    [Test]
    public async Task Consent_url_refuses_a_plain_http_redirect()
    {
        var (exit, _, error) = await CliRun.RunAsync("auth", "consent-url", "--application-id", "amzn1.sp.solution.abc", "--redirect-uri", "http://app.example.com/cb");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("HTTPS"));
    }

    [Test, NonParallelizable]
    public async Task Exchange_code_writes_the_refresh_token_to_a_file_and_never_prints_it()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Cases = SmokeModels.Cases,
            Catalog = SpApiOperationCatalog.Instance,
            ConsentSellerId = "A9CLI",
        }, CancellationToken.None);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = sandbox.BaseAddress };
        using var redirect = await browser.GetAsync("/apps/authorize/consent?application_id=amzn1.sp.solution.t&state=s1&redirect_uri=" + Uri.EscapeDataString("https://app.example.com/cb"));
        Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var code = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["spapi_oauth_code"].ToString();

        var file = Path.Combine(Path.GetTempPath(), $"spapi-refresh-{Guid.NewGuid():N}");
        var app = SandboxCredential.Default;
        Environment.SetEnvironmentVariable("SPAPI_CLIENT_ID", app.ClientId);
        Environment.SetEnvironmentVariable("SPAPI_CLIENT_SECRET", app.ClientSecret);
        try
        {
            var (exit, output, error) = await CliRun.RunAsync("auth", "exchange-code", "--code", code, "--out", file,
                "--redirect-uri", "https://app.example.com/cb", "--lwa-endpoint", sandbox.TokenEndpoint.ToString());
            Assert.That(exit, Is.Zero, error);
            var refresh = await File.ReadAllTextAsync(file);
            Assert.That(refresh, Does.StartWith("Atzr|"));
            Assert.That(output + error, Does.Not.Contain(refresh));
            Assert.That(sandbox.Stats.Snapshot().TokenGrants["authorization_code"], Is.EqualTo(1));

            // The code is single use: a second exchange is refused with LWA's error, still without secrets.
            var (again, _, againError) = await CliRun.RunAsync("auth", "exchange-code", "--code", code, "--out", file + ".2",
                "--redirect-uri", "https://app.example.com/cb", "--lwa-endpoint", sandbox.TokenEndpoint.ToString());
            Assert.That(again, Is.EqualTo(ExitCodes.Failed));
            Assert.That(againError, Does.Contain("LWA refused").And.Not.Contain(app.ClientSecret));
            Assert.That(File.Exists(file + ".2"), Is.False);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SPAPI_CLIENT_ID", null);
            Environment.SetEnvironmentVariable("SPAPI_CLIENT_SECRET", null);
            File.Delete(file);
        }
    }
}
