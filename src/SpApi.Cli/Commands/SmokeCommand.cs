using SpApi.Cli.Smoke;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Commands;

/// <summary><c>spapi smoke</c>: every static sandbox case of the models through the generated clients.</summary>
public sealed class SmokeCommand : ICliCommand
{
    public string Name => "smoke";
    public string Summary => "Send every sandbox case of the models through the typed clients and check the answers.";
    public string Usage => """
        Options:
          --target T       local (default: the embedded sandbox), sandbox-na, sandbox-eu or sandbox-fe (Amazon's sandbox;
                           needs SPAPI_CLIENT_ID, SPAPI_CLIENT_SECRET and SPAPI_REFRESH_TOKEN)
          --api NAME       only one API: Orders, Orders.V0 or a model file such as ordersV0.json
          --report FILE    write the JSON report to FILE
          --models DIR     the model JSON files (default: SPAPI_MODELS_DIR, the repository's models/, else
                           the models embedded in the tool)
          --rate-scale X   local sandbox: multiply usage plans by X (default 100; 1 = Amazon's rates)
          --without-restricted-roles
                           local sandbox: act as an application without restricted roles (the Tokens API refuses
                           RDTs); cases that need personal data are skipped with the reason
          --verbose        list every upstream defect worked around, case by case
        Exit code: 0 when no case failed (passed or skipped, e.g. a live target without credentials), 1 when any failed.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var target = SmokeTarget.Parse(context.Args.String("target", "local"));
        var api = context.Args.String("api");
        var reportPath = context.Args.String("report");
        var models = context.Args.String("models");
        var rateScale = context.Args.Double("rate-scale", 100, min: 0.001, max: 1_000_000);
        var verbose = context.Args.Flag("verbose");
        var withoutRoles = context.Args.Flag("without-restricted-roles");
        context.Args.ThrowOnUnknown();
        if (withoutRoles && !target.IsLocal)
            throw new CliUsageException("--without-restricted-roles applies to the local sandbox only (Amazon's sandbox answers as your application's roles allow).");

        var catalog = SandboxCaseCatalog.LoadDefault(models);
        var cases = SmokeRunner.Select(catalog, api);

        SmokeReport report;
        var credentials = SmokeCredentials.FromEnvironment();
        if (!target.IsLocal && credentials.Credentials is null)
        {
            var reason = $"skipped: target {target.Name} needs {string.Join(", ", credentials.Missing)} in the environment";
            context.Error.WriteLine($"spapi smoke: {reason}.");
            report = SmokeRunner.Skipped(target, cases, reason);
        }
        else
        {
            var options = new SmokeSessionOptions { Target = target, Cases = catalog, Credentials = credentials.Credentials, RateScale = rateScale,
                WithoutRestrictedRoles = withoutRoles };
            await using var session = await SmokeSession.StartAsync(options, cancellationToken);
            if (session.Server is { } server) context.Out.WriteLine($"Embedded sandbox on {server.BaseAddress} ({catalog.Cases.Count} cases from {catalog.ModelsDirectory})"
                + (withoutRoles ? ", acting as an application without restricted roles." : "."));
            var progress = ProgressBar.ForConsole(cases.Count);
            report = await SmokeRunner.RunAsync(session, cases, r => progress.Advance(r.OperationId), cancellationToken);
        }

        SmokeSummary.Write(report, context.Out, verbose);
        if (reportPath is not null)
        {
            await report.WriteAsync(reportPath, cancellationToken);
            context.Out.WriteLine($"Report: {Path.GetFullPath(reportPath)}");
        }
        return report.Failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
