using System.Diagnostics;
using SpApi.Clients;
using SpApi.Sandbox;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Bench.ColdStart;

/// <summary>
/// Time to first call in fresh processes: starts the embedded sandbox, then runs the cold-start app
/// (build/SpApi.ColdStart) in SpApi mode and in floor mode, interleaved (the order alternates per round, so
/// neither mode always runs on a warmer disk cache), and takes medians.
/// </summary>
internal sealed class ColdStartBenchmark(ColdStartOptions options, SandboxCaseCatalog cases)
{
    public async Task<ColdStartReport> RunAsync(ProgressBar? progress, CancellationToken cancellationToken)
    {
        var credential = SandboxCredential.Default;
        // Every run makes the same call: the usage plan (burst 15) would throttle the later runs, which measures nothing here.
        var sandboxOptions = new SandboxOptions { Cases = cases, Catalog = SpApiOperationCatalog.Instance, EnforceUsagePlans = false };
        sandboxOptions.Credentials.Add(credential);
        await using var server = await SandboxServer.StartAsync(sandboxOptions, cancellationToken);

        var spapi = new List<ColdStartRun>();
        var floor = new List<ColdStartRun>();
        for (var round = 0; round < options.Runs; round++)
        {
            var modes = round % 2 == 0 ? new[] { "spapi", "floor" } : ["floor", "spapi"];
            foreach (var mode in modes)
            {
                var run = await RunOnceAsync(mode, server, credential, cancellationToken);
                (mode == "spapi" ? spapi : floor).Add(run);
            }
            progress?.Advance();
        }
        return ColdStartReport.From(spapi, floor);
    }

    private async Task<ColdStartRun> RunOnceAsync(string mode, SandboxServer server, SandboxCredential credential, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Host, [.. options.HostArguments, mode, server.BaseAddress.ToString(), server.TokenEndpoint.ToString(), credential.ClientId])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Secrets go through the environment, never the command line (visible to every user in the process list).
        start.Environment["SPAPI_COLDSTART_SECRET"] = credential.ClientSecret;
        start.Environment["SPAPI_COLDSTART_REFRESH"] = credential.RefreshToken;
        foreach (var (name, value) in options.Environment) start.Environment[name] = value;

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new ColdStartException($"could not start {options.Host}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var processMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var output = await stdout;
        if (process.ExitCode != 0)
            throw new ColdStartException($"the {mode} app exited with {process.ExitCode}: {FirstLine(await stderr)}");
        return ColdStartRun.Parse(mode, processMs, output);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

/// <summary>The cold-start run could not be made (app missing, app failed).</summary>
internal sealed class ColdStartException(string message) : Exception(message);
