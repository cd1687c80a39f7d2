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

    [TestCase("SellingPartnerApi:")]
    [TestCase("")]
    public void Validator_NamesEveryFailure_InOrder(string prefix)
    {
        var options = new SellingPartnerOptions
        {
            ClientId = " ", ClientSecret = "", DefaultSellerName = "", Region = "Mars", BaseAddress = "not a uri", LwaEndpoint = "relative",
            AppName = "My App", AppVersion = "1;0", TokenExpiryMargin = TimeSpan.FromHours(2), RestrictedRoleRefusalMemory = TimeSpan.Zero,
        };
        options.OAuth.RedirectUri = "http://app.example.com/cb";
        options.OAuth.ConsentPortal = "ftp://portal.example.com";
        options.OAuth.StateLifetime = TimeSpan.Zero;
        options.RateLimiting.QueueLimit = -1;
        options.Retry.MaxRetryAttempts = 101;
        options.Telemetry.SuccessLogLevel = (Microsoft.Extensions.Logging.LogLevel)7;
        var sellers = new SellingPartnerOptions { ClientId = "id", ClientSecret = "s", LwaEndpoint = "https://evil.example/token" };
        sellers.Sellers[""] = null!;
        sellers.Sellers["x:"] = null!;
        sellers.Sellers["eu"] = new SellerOptions { RefreshToken = " ", Region = "Venus", BaseAddress = "http://sellingpartnerapi-eu.amazon.com", ClientId = "only-id" };
        sellers.Sellers["fe"] = new SellerOptions { RefreshToken = "Atzr|r", BaseAddress = "https://proxy.example.com" };
        var validator = new SellingPartnerOptionsValidator(prefix);

        const string token = " may not contain spaces, '/', '(', ')', ';', ',', quotes or non-ASCII characters. (Parameter 'value')";
        Assert.That(validator.Validate(null, options).Failures, Is.EqualTo(new[]
        {
            $"{prefix}ClientId is required: the LWA client id of your SP-API application.",
            $"{prefix}ClientSecret is required: the LWA client secret of your SP-API application.",
            $"{prefix}RefreshToken is required: the seller's LWA refresh token (or configure {prefix}Sellers, or set {prefix}AllowNoSellers when sellers are added at run time).",
            $"{prefix}DefaultSellerName may not be empty.",
            $"{prefix}Region: Unknown SP-API region 'Mars'. Use NA, EU or FE. (Parameter 'value')",
            $"{prefix}BaseAddress: 'not a uri' is not an absolute URI.",
            $"{prefix}LwaEndpoint: 'relative' is not an absolute URI.",
            $"{prefix}AppName: value 'My App'{token}",
            $"{prefix}AppVersion: value '1;0'{token}",
            $"{prefix}TokenExpiryMargin must be between 0 and 1 hour (LWA tokens live one hour).",
            $"{prefix}RestrictedRoleRefusalMemory must be positive.",
            $"{prefix}OAuth:RedirectUri: The redirect_uri must be an absolute HTTPS address, got 'http://app.example.com/cb'. (Parameter 'redirectUri')",
            $"{prefix}OAuth:ConsentPortal: must be an absolute HTTPS address or a loopback sandbox, got 'ftp://portal.example.com'.",
            $"{prefix}OAuth:StateLifetime must be positive.",
            $"{prefix}RateLimiting: Invalid RateLimitHandlerOptions: QueueLimit must be 0 or more (got -1).",
            $"{prefix}Retry: Invalid RetryHandlerOptions: MaxRetryAttempts must be from 0 to 100 (got 101).",
            $"{prefix}Telemetry: TelemetryHandlerOptions.SuccessLogLevel '7' is not a log level.",
        }));
        Assert.That(validator.Validate(null, sellers).Failures, Is.EqualTo(new[]
        {
            $"{prefix}LwaEndpoint: evil.example is not a Login with Amazon host (api.amazon.com, api.amazon.co.uk, api.amazon.co.jp); list it in AllowedLwaHosts to trust it with the client secret.",
            $"{prefix}Sellers is empty.",
            $"{prefix}Sellers:x is empty.",
            $"{prefix}Sellers:eu:RefreshToken is required: the seller's LWA refresh token.",
            $"{prefix}Sellers:eu:Region: Unknown SP-API region 'Venus'. Use NA, EU or FE. (Parameter 'value')",
            $"{prefix}Sellers:eu:BaseAddress: must be HTTPS (tokens are never sent in clear text).",
            $"{prefix}Sellers:eu:ClientId and {prefix}Sellers:eu:ClientSecret must be given together.",
            $"{prefix}Sellers:fe:BaseAddress: must be an SP-API host (sellingpartnerapi-na/eu/fe.amazon.com or their sandbox hosts) or an allowed loopback address.",
        }));
        Assert.Throws<ArgumentNullException>(() => validator.Validate(null, null!));
    }

    [TestCase(Microsoft.Extensions.Logging.LogLevel.Trace, true)]
    [TestCase(Microsoft.Extensions.Logging.LogLevel.None, true)]
    [TestCase((Microsoft.Extensions.Logging.LogLevel)7, false)]
    [TestCase((Microsoft.Extensions.Logging.LogLevel)(-1), false)]
    public void TelemetryLevels_AreLogLevels(Microsoft.Extensions.Logging.LogLevel level, bool valid)
    {
        var telemetry = new SpApi.Auth.Telemetry.TelemetryHandlerOptions { FailureLogLevel = level };
        if (valid) Assert.DoesNotThrow(telemetry.Validate);
        else Assert.Throws<ArgumentException>(telemetry.Validate);
    }

    [Test]
    public void Validator_UsedDirectly_ThrowsListingEveryFailure()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new SellingPartnerOptionsValidator().ThrowIfInvalid(new SellingPartnerOptions()));
        Assert.That(e!.Failures.Count(), Is.EqualTo(3));
    }
}
