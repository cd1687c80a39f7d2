namespace SpApi.Cli.Bench;

/// <summary>The <c>dotnet</c> host to start .NET apps with (child processes of the benches).</summary>
internal static class DotnetHost
{
    /// <summary>The SDK's own host (DOTNET_HOST_PATH under dotnet run/test), this process's host under <c>dotnet x.dll</c>, else <c>dotnet</c> on PATH.</summary>
    public static string Path
    {
        get
        {
            var self = Environment.ProcessPath;
            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH")
                ?? (self is not null && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet");
        }
    }
}
