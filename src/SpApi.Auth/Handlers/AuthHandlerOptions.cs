using System.Reflection;

namespace SpApi.Auth.Handlers;

/// <summary>Settings of <see cref="AuthHandler"/>.</summary>
public sealed class AuthHandlerOptions
{
    /// <summary>Application name for the <c>user-agent</c> header Amazon asks for.</summary>
    public string AppName { get; set; } = "SpApi";

    /// <summary>Application version for the <c>user-agent</c> header.</summary>
    public string AppVersion { get; set; } =
        typeof(AuthHandlerOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";

    /// <summary>
    /// Loopback base addresses (e.g. the local sandbox at <c>http://127.0.0.1:5080/</c>) explicitly allowed to
    /// receive tokens. Any other destination must be an HTTPS SP-API host.
    /// </summary>
    public IList<Uri> AllowedLoopbackBaseAddresses { get; set; } = [];

    /// <summary>
    /// Obtain RDTs for restricted operations without being asked (default). When false, an RDT is only obtained
    /// for calls that pass data elements or a target application; other calls use the LWA token and get no PII.
    /// </summary>
    public bool AutomaticRestrictedDataTokens { get; set; } = true;

    /// <summary>The application holds the restricted roles: operations Amazon also answers with the LWA token get an RDT automatically.</summary>
    public bool HasRestrictedRoles { get; set; }

    /// <summary>How long a refusal of an automatic RDT for lack of roles is remembered per application and seller.</summary>
    public TimeSpan RestrictedRoleRefusalMemory { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Throws naming the first bad setting.</summary>
    public void Validate()
    {
        UserAgent.ValidateToken(AppName, nameof(AppName));
        UserAgent.ValidateToken(AppVersion, nameof(AppVersion));
        if (RestrictedRoleRefusalMemory <= TimeSpan.Zero)
            throw new ArgumentException($"{nameof(RestrictedRoleRefusalMemory)} must be positive, got {RestrictedRoleRefusalMemory}.");
        foreach (var address in AllowedLoopbackBaseAddresses)
            if (address is null || !address.IsAbsoluteUri || !address.IsLoopback)
                throw new ArgumentException($"{nameof(AllowedLoopbackBaseAddresses)} may only hold absolute loopback addresses; '{address}' is not one.");
    }
}
