namespace SpApi.Cli.Bench.ColdStart;

/// <summary>How to start the cold-start app: <see cref="Host"/> with <see cref="HostArguments"/> before the app's own.</summary>
internal sealed record ColdStartOptions(int Runs, string Host, IReadOnlyList<string> HostArguments)
{
    /// <summary>Extra environment for the child processes (e.g. DOTNET_TieredCompilation for experiments).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The app in <paramref name="appDirectory"/> (default: <c>coldstart/</c> beside spapi, where the build copies it):
    /// its native launcher when there is one (as users start apps), else <c>dotnet SpApi.ColdStart.dll</c>.
    /// </summary>
    public static ColdStartOptions ForApp(int runs, string? appDirectory)
    {
        var dir = Path.GetFullPath(appDirectory ?? Path.Combine(AppContext.BaseDirectory, "coldstart"));
        var dll = Path.Combine(dir, "SpApi.ColdStart.dll");
        if (!File.Exists(dll))
            throw new CliUsageException($"The cold-start app is not in {dir} (expected SpApi.ColdStart.dll). Build it with 'dotnet build build/SpApi.ColdStart -c Release' and pass --app DIR.");
        var launcher = Path.Combine(dir, OperatingSystem.IsWindows() ? "SpApi.ColdStart.exe" : "SpApi.ColdStart");
        return File.Exists(launcher) ? new ColdStartOptions(runs, launcher, []) : new ColdStartOptions(runs, "dotnet", [dll]);
    }
}
