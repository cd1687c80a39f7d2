using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpApi.Auth.Configuration;

namespace SpApi.Auth.Tests.DependencyInjection;

public class OptionsValidationTests
{
    private static IReadOnlyList<string> Failures(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSellingPartnerApi(configuration.GetSection("SellingPartnerApi"));
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<SellingPartnerOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToArray();
        }
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["SellingPartnerApi:ClientId"] = "amzn1.application-oa2-client.x",
        ["SellingPartnerApi:ClientSecret"] = "secret-DO-NOT-LEAK",
        ["SellingPartnerApi:RefreshToken"] = "Atzr|DO-NOT-LEAK",
    };

    [Test]
    public void ValidConfiguration_Passes() => Assert.That(Failures(Valid()), Is.Empty);

    [TestCase("ClientId", "SellingPartnerApi:ClientId is required")]
    [TestCase("ClientSecret", "SellingPartnerApi:ClientSecret is required")]
    [TestCase("RefreshToken", "SellingPartnerApi:RefreshToken is required")]
    public void MissingSetting_IsNamed(string setting, string expected)
    {
        var settings = Valid();
        settings.Remove("SellingPartnerApi:" + setting);

        var failures = Failures(settings);

        Assert.That(failures, Has.One.StartsWith(expected));
        Assert.That(string.Join("\n", failures), Does.Not.Contain("DO-NOT-LEAK"));
    }

    [Test]
    public void SellersSection_ReplacesTheDefaultRefreshToken_ButEachNeedsOne()
    {
        var settings = Valid();
        settings.Remove("SellingPartnerApi:RefreshToken");
        settings["SellingPartnerApi:Sellers:acme:MarketplaceId"] = "A1PA6795UKMFR9";

        Assert.That(Failures(settings), Is.EqualTo(new[] { "SellingPartnerApi:Sellers:acme:RefreshToken is required: the seller's LWA refresh token." }));
    }

    [TestCase("Region", "Mars", "SellingPartnerApi:Region: Unknown SP-API region 'Mars'")]
    [TestCase("MarketplaceId", "NOPE", "SellingPartnerApi:MarketplaceId: Unknown Amazon marketplace 'NOPE'")]
    [TestCase("BaseAddress", "http://sellingpartnerapi-na.amazon.com", "SellingPartnerApi:BaseAddress: must be HTTPS")]
    [TestCase("BaseAddress", "https://proxy.example.com", "SellingPartnerApi:BaseAddress: must be an SP-API host")]
    [TestCase("BaseAddress", "http://127.0.0.1:5080", "SellingPartnerApi:BaseAddress: a loopback address receives tokens only when AllowLoopbackBaseAddress is true")]
    [TestCase("LwaEndpoint", "http://api.amazon.com/auth/o2/token", "SellingPartnerApi:LwaEndpoint: must be HTTPS")]
    [TestCase("AppName", "My App", "SellingPartnerApi:AppName:")]
    [TestCase("TokenExpiryMargin", "02:00:00", "SellingPartnerApi:TokenExpiryMargin must be between 0 and 1 hour")]
    [TestCase("RestrictedOperationsFile", "/no/such/file.json", "SellingPartnerApi:RestrictedOperationsFile:")]
    [TestCase("OAuth:RedirectUri", "http://app.example.com/cb", "SellingPartnerApi:OAuth:RedirectUri:")]
    public void BadSetting_IsNamed(string setting, string value, string expected)
    {
        var settings = Valid();
        settings["SellingPartnerApi:" + setting] = value;
        Assert.That(Failures(settings), Has.One.StartsWith(expected));
    }

    [Test]
    public void LoopbackBaseAddress_IsFineWhenAllowed()
    {
        var settings = Valid();
        settings["SellingPartnerApi:BaseAddress"] = "http://127.0.0.1:5080";
        settings["SellingPartnerApi:AllowLoopbackBaseAddress"] = "true";
        Assert.That(Failures(settings), Is.Empty);
    }

    [Test]
    public void Options_ToStringHidesSecrets()
    {
        var options = new SellingPartnerOptions { ClientId = "id", ClientSecret = "secret-DO-NOT-LEAK", RefreshToken = "Atzr|DO-NOT-LEAK" };
        options.Sellers["x"] = new SellerOptions { RefreshToken = "Atzr|DO-NOT-LEAK" };
        Assert.That(options.ToString() + options.Sellers["x"], Does.Not.Contain("DO-NOT-LEAK"));
    }

    [Test]
    public void Validator_UsedDirectly_ThrowsListingEveryFailure()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new SellingPartnerOptionsValidator().ThrowIfInvalid(new SellingPartnerOptions()));
        Assert.That(e!.Failures.Count(), Is.EqualTo(3));
    }
}
