namespace SpApi.Auth.Handlers;

/// <summary>
/// The <c>user-agent</c> Amazon asks SP-API callers to send:
/// <c>AppName/Version (Language=C#/&lt;runtime&gt;; Platform=&lt;os&gt;)</c>.
/// </summary>
public static class UserAgent
{
    /// <summary>The user-agent for <paramref name="appName"/> at <paramref name="appVersion"/>, with the runtime and OS.</summary>
    public static string Build(string appName, string appVersion)
    {
        ValidateToken(appName, nameof(appName));
        ValidateToken(appVersion, nameof(appVersion));
        return $"{appName}/{appVersion} (Language=C#/{Environment.Version}; Platform={Platform()})";
    }

    // OS name and version, e.g. "Linux/6.1.0": cheap to get (RuntimeInformation.OSDescription reads files on Linux).
    private static string Platform()
    {
        var name = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsMacOS() ? "macOS"
            : OperatingSystem.IsFreeBSD() ? "FreeBSD" : "Unix";
        var version = Environment.OSVersion.Version;
        return $"{name}/{version.Major}.{version.Minor}.{Math.Max(version.Build, 0)}";
    }

    /// <summary>App name and version become HTTP product tokens: no spaces, slashes, parentheses or semicolons.</summary>
    internal static void ValidateToken(string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{setting} is required for the user-agent header.", setting);
        if (!IsToken(value))
            throw new ArgumentException($"{setting} '{value}' may not contain spaces, '/', '(', ')', ';', ',', quotes or non-ASCII characters.", setting);
    }

    // A loop rather than LINQ: validation runs on every start (SellingPartnerClient.Create).
    private static bool IsToken(string value)
    {
        foreach (var c in value)
            if (c <= ' ' || c >= 127 || "/();,\"\\".Contains(c)) return false;
        return true;
    }
}
