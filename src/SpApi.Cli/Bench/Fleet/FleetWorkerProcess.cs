using System.Diagnostics;
using System.Globalization;

namespace SpApi.Cli.Bench.Fleet;

/// <summary>
/// A worker of <c>bench fleet</c>: this executable re-run with the hidden verb <c>bench fleet-worker</c>. The seller's
/// refresh token and the token encryption key go through the child's environment, never its command line.
/// Protocol on stdout: "ready", then (after "go" on stdin) one JSON line with its tally.
/// </summary>
internal sealed class FleetWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string?> _stderr;

    private FleetWorkerProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static FleetWorkerProcess Start(FleetWorkerSettings settings, string refreshToken, string warmUpRefreshToken, string tokenKey)
    {
        var start = Self();
        foreach (var arg in new[]
                 {
                     "bench", "fleet-worker", "--sandbox", settings.Sandbox.ToString(), "--prefix", settings.KeyPrefix,
                     "--workers", I(settings.Workers), "--callers", I(settings.Callers),
                     "--seconds", settings.Duration.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
                     "--rate-scale", settings.RateScale.ToString("R", CultureInfo.InvariantCulture),
                 })
            start.ArgumentList.Add(arg);
        if (settings.Redis is not null)
        {
            start.ArgumentList.Add("--redis");
            start.ArgumentList.Add(settings.Redis);
        }
        start.Environment[FleetWorkerSettings.RefreshTokenVariable] = refreshToken;
        start.Environment[FleetWorkerSettings.TokenKeyVariable] = tokenKey;
        start.Environment[FleetWorkerSettings.WarmUpTokenVariable] = warmUpRefreshToken;
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return new FleetWorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start a fleet worker."));
    }

    public async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
        if (line != "ready") throw await FailedAsync($"said '{line}' instead of 'ready'");
    }

    public async Task GoAsync()
    {
        await _process.StandardInput.WriteLineAsync("go");
        await _process.StandardInput.FlushAsync();
    }

    public async Task<FleetWorkerTally> ResultAsync(CancellationToken cancellationToken)
    {
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
        if (string.IsNullOrEmpty(line) || _process.ExitCode != 0) throw await FailedAsync($"exited with {_process.ExitCode}");
        return FleetWorkerTally.FromJson(line);
    }

    private async Task<Exception> FailedAsync(string what)
    {
        if (!_process.HasExited) _process.Kill();
        var error = await _stderr;
        return new InvalidOperationException($"A fleet worker {what}: {error?.Trim()}");
    }

    // The spapi apphost when running as one, else 'dotnet spapi.dll' (dotnet run, tests).
    private static ProcessStartInfo Self()
    {
        var path = Environment.ProcessPath;
        if (path is not null && Path.GetFileNameWithoutExtension(path) == "spapi") return new ProcessStartInfo(path);
        var start = new ProcessStartInfo(DotnetHost.Path);
        start.ArgumentList.Add(typeof(FleetWorkerProcess).Assembly.Location);
        return start;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
