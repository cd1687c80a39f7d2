using System.Net;
using SpApi.Clients;
using SpApi.Sandbox;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Faults;

namespace SpApi.Cli.Commands;

/// <summary><c>spapi sandbox serve</c>: the local SP-API sandbox, until Ctrl+C.</summary>
public sealed class SandboxServeCommand : ICliCommand
{
    public string Name => "sandbox serve";
    public string Summary => "Run the local SP-API sandbox (static cases, LWA, RDT, usage plans, faults) for your own tests.";
    public string Usage => $"""
        Options:
          --port N              TCP port on 127.0.0.1 (default 8500; 0 picks a free one)
          --models DIR          the model JSON files (default: SPAPI_MODELS_DIR, the repository's models/, else the embedded ones)
          --rate-scale X        multiply every usage plan's rate and burst by X (default 1 = Amazon's plans)
          --no-usage-plans      never answer 429
          --without-restricted-roles
                                act as an application without restricted roles: the Tokens API refuses every RDT
                                as Amazon does (getOrders, getOrder, getOrderItems still answer the LWA token)
          --token-lifetime S    lifetime of LWA access tokens and RDTs in seconds (default 3600)
          --fault SPEC          inject faults from the start: {SandboxFaultSpec.Syntax};
                                several separated by commas (more at run time: POST /_sandbox/faults)
          --client-id ID --client-secret S --refresh-token T --seller-id SELLER
                                the test credentials to accept (default: the built-in sandbox credentials)
        Stop with Ctrl+C.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var port = args.Int("port", 8500, min: 0, max: 65535);
        var models = args.String("models");
        var rateScale = args.Double("rate-scale", 1, min: 0.001, max: 1_000_000);
        var noPlans = args.Flag("no-usage-plans");
        var withoutRoles = args.Flag("without-restricted-roles");
        var lifetime = TimeSpan.FromSeconds(args.Int("token-lifetime", 3600, min: 1, max: 86_400));
        var faults = ParseFaults(args.String("fault"));
        var credential = Credential(args);
        args.ThrowOnUnknown();

        var options = new SandboxOptions
        {
            Cases = SandboxCaseCatalog.LoadDefault(models),
            Catalog = SpApiOperationCatalog.Instance,
            Port = port,
            RateScale = rateScale,
            EnforceUsagePlans = !noPlans,
            TokenLifetime = lifetime,
            RestrictedDataTokenLifetime = lifetime,
            WithoutRestrictedRoles = withoutRoles,
        };
        if (credential is not null) options.Credentials.Add(credential);
        foreach (var fault in faults) options.Faults.Add(fault);

        await using var server = await SandboxServer.StartAsync(options, cancellationToken);
        var shown = credential ?? SandboxCredential.Default;
        context.Out.WriteLine($"SP-API sandbox listening on {server.BaseAddress}");
        context.Out.WriteLine($"  {server.Cases.Cases.Count} static cases of {server.Cases.Operations.Count} operations from {server.Cases.ModelsDirectory}");
        context.Out.WriteLine($"  LWA token endpoint: {server.TokenEndpoint}");
        context.Out.WriteLine($"  consent page:       {new Uri(server.BaseAddress, "/apps/authorize/consent")}");
        context.Out.WriteLine($"  stats:              {new Uri(server.BaseAddress, "/_sandbox/stats")}");
        context.Out.WriteLine($"  client id {shown.ClientId}, seller {shown.SellerId}"
            + (credential is null ? $", client secret {shown.ClientSecret}, refresh token {shown.RefreshToken} (built-in test values)" : ""));
        context.Out.WriteLine($"  usage plans: {(noPlans ? "off" : $"on, x{rateScale.ToString(System.Globalization.CultureInfo.InvariantCulture)}")}; token lifetime {lifetime.TotalSeconds:0} s; {faults.Count} fault rule(s)"
            + (withoutRoles ? "; acting as an application without restricted roles (RDTs refused)" : ""));
        context.Out.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Out.WriteLine("Sandbox stopped.");
        }
        return ExitCodes.Ok;
    }

    private static IReadOnlyList<SandboxFaultRule> ParseFaults(string? text)
    {
        if (text is null) return [];
        try
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SandboxFaultSpec.Parse).ToArray();
        }
        catch (FormatException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    private static SandboxCredential? Credential(CliArgs args)
    {
        var values = new[] { "client-id", "client-secret", "refresh-token", "seller-id" }.Select(n => (Name: n, Value: args.String(n))).ToArray();
        if (values.All(v => v.Value is null)) return null;
        var missing = values.Where(v => string.IsNullOrWhiteSpace(v.Value)).Select(v => "--" + v.Name).ToArray();
        if (missing.Length > 0) throw new CliUsageException($"custom credentials also need {string.Join(", ", missing)}.");
        return new SandboxCredential(values[0].Value!, values[1].Value!, values[2].Value!, values[3].Value!);
    }
}
