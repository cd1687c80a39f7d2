using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpApi.Auth.Endpoints;
using SpApi.Auth.OAuth;

namespace SpApi.Auth.Tests.DependencyInjection;

/// <summary><c>LocalSandbox</c> / <c>UseLocalSandbox</c>: one setting for base address, LWA endpoint, consent page and loopback permission.</summary>
public class LocalSandboxSettingTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings, Action<SellingPartnerApiBuilder>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var builder = services.AddSellingPartnerApi(configuration.GetSection("SellingPartnerApi"));
        configure?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> App(string? localSandbox = null) => new()
    {
        ["SellingPartnerApi:ClientId"] = "amzn1.application-oa2-client.x",
        ["SellingPartnerApi:ClientSecret"] = "secret",
        ["SellingPartnerApi:RefreshToken"] = "Atzr|token",
        ["SellingPartnerApi:LocalSandbox"] = localSandbox,
        ["SellingPartnerApi:OAuth:ApplicationId"] = "amzn1.sp.solution.x",
        ["SellingPartnerApi:OAuth:RedirectUri"] = "http://127.0.0.1:5080/amazon/callback",
    };

    [Test]
    public void The_configuration_key_sets_every_address_and_the_loopback_permission()
    {
        using var provider = Provider(App("http://127.0.0.1:8500/some/path"));
        var o = provider.GetRequiredService<IOptions<SellingPartnerOptions>>().Value;

        Assert.That((o.BaseAddress, o.LwaEndpoint, o.OAuth.ConsentPortal, o.AllowLoopbackBaseAddress),
            Is.EqualTo(("http://127.0.0.1:8500/", "http://127.0.0.1:8500/auth/o2/token", "http://127.0.0.1:8500/", true)));
    }

    [Test]
    public async Task Consent_urls_point_at_the_sandbox_with_a_loopback_redirect()
    {
        using var provider = Provider(App(), b => b.UseLocalSandbox(new Uri("http://localhost:8600")));
        var auth = provider.GetRequiredService<SellingPartnerAuthorization>();

        var consent = await auth.CreateConsentUriAsync(Marketplaces.Germany, AuthorizationPortal.SellerCentral, "session", CancellationToken.None);

        Assert.That(consent.GetLeftPart(UriPartial.Path), Is.EqualTo("http://localhost:8600/apps/authorize/consent"));
        Assert.That(consent.Query, Does.Contain("redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1:5080/amazon/callback")));
    }

    [Test]
    public void Without_the_sandbox_an_http_redirect_uri_is_still_refused()
    {
        using var provider = Provider(App());
        var e = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<SellingPartnerOptions>>().Value)!;
        Assert.That(e.Failures, Has.One.StartsWith("SellingPartnerApi:OAuth:RedirectUri: The redirect_uri must be an absolute HTTPS address"));
    }

    [TestCase("https://sellingpartnerapi-na.amazon.com/")]
    [TestCase("http://10.0.0.5:8500/")]
    [TestCase("not a uri")]
    public void A_non_loopback_sandbox_is_named_and_never_applied(string address)
    {
        using var provider = Provider(App(address));
        var e = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<SellingPartnerOptions>>().Value)!;
        Assert.That(e.Failures, Has.Some.StartsWith("SellingPartnerApi:LocalSandbox must be an absolute http(s) loopback address"));
        Assert.Throws<ArgumentException>(() => new SellingPartnerOptions().UseLocalSandbox(new Uri("http://10.0.0.5:8500/")));
    }
}
