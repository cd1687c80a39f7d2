using System.Security.Cryptography;
using SpApi.Auth.Endpoints;
using SpApi.Auth.OAuth;

namespace SpApi.Cli.Commands;

/// <summary><c>spapi auth consent-url</c>: the Seller/Vendor Central page where a partner authorizes your app.</summary>
public sealed class AuthConsentUrlCommand : ICliCommand
{
    public string Name => "auth consent-url";
    public string Summary => "Build the Seller Central / Vendor Central consent URL of the OAuth website workflow, with a fresh state.";
    public string Usage => """
        Options:
          --application-id ID   your app's id (amzn1.sp.solution.…), required
          --marketplace ID      a marketplace id or country code whose portal to use (default US)
          --vendor              Vendor Central instead of Seller Central
          --redirect-uri URI    an HTTPS redirect URI registered with the app (optional)
          --beta                add version=beta (authorize a draft application)
          --state S             use this state instead of a new random one
        Prints the URL, then the state on a second line: check that the state Amazon sends back equals it (CSRF).
        """;

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var applicationId = args.String("application-id") ?? throw new CliUsageException("--application-id is required.");
        var marketplace = Find(args.String("marketplace", "US"));
        var portal = args.Flag("vendor") ? AuthorizationPortal.VendorCentral : AuthorizationPortal.SellerCentral;
        var redirect = args.String("redirect-uri") is { } r
            ? Uri.TryCreate(r, UriKind.Absolute, out var uri) ? uri : throw new CliUsageException($"--redirect-uri '{r}' is not an absolute URI.")
            : null;
        var beta = args.Flag("beta");
        var state = args.String("state") ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        args.ThrowOnUnknown();

        Uri consent;
        try { consent = ConsentUri.Build(ConsentUri.Portal(marketplace, portal), applicationId, state, redirect, beta); }
        catch (ArgumentException e) { throw new CliUsageException(e.Message); }
        context.Out.WriteLine(consent);
        context.Out.WriteLine($"state: {state}");
        return Task.FromResult(ExitCodes.Ok);
    }

    private static Marketplace Find(string idOrCountry)
    {
        var m = Marketplaces.All.FirstOrDefault(x => x.Id == idOrCountry || string.Equals(x.CountryCode, idOrCountry, StringComparison.OrdinalIgnoreCase));
        return m ?? throw new CliUsageException($"unknown marketplace '{idOrCountry}'. Known: {string.Join(", ", Marketplaces.All.Select(x => $"{x.CountryCode} ({x.Id})"))}.");
    }
}
