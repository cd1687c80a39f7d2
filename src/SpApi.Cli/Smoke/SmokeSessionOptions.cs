using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Smoke;

/// <summary>How a smoke session connects: target, cases, credentials for live targets, local sandbox tuning.</summary>
public sealed class SmokeSessionOptions
{
    public SmokeTarget Target { get; init; } = SmokeTarget.Local;

    /// <summary>The static cases (and model operations) to run.</summary>
    public required SandboxCaseCatalog Cases { get; init; }

    /// <summary>Needed for live targets; the local sandbox uses its default test credentials.</summary>
    public SmokeCredentials? Credentials { get; init; }

    /// <summary>Usage-plan scale of the embedded sandbox (rates and bursts are multiplied; 1 = Amazon's plans).</summary>
    public double RateScale { get; init; } = 100;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Local target: the embedded sandbox acts as an application without restricted roles (its Tokens API refuses RDTs).</summary>
    public bool WithoutRestrictedRoles { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Runs after the smoke pipeline is configured, e.g. to add logging providers or an observing handler.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.SellingPartnerApiBuilder>? ConfigurePipeline { get; init; }
}
