using SpApi.Auth.RateLimiting;
using SpApi.Clients;
using SpApi.Runtime;

namespace SpApi.Cli;

/// <summary>
/// Client usage plans matching a sandbox started with <c>SandboxOptions.RateScale</c>: the embedded sandbox
/// multiplies every plan, so the client paces with the same multiplied plans.
/// </summary>
internal static class SandboxRatePlans
{
    public static void Apply(RateLimitHandlerOptions options, double rateScale)
    {
        foreach (var operation in SpApiOperationCatalog.Instance.All)
            if (operation.UsagePlan is { } plan) options.PlanOverrides[operation.Key] = Scale(plan, rateScale);
        options.DefaultPlan = Scale(options.DefaultPlan, rateScale);
    }

    private static UsagePlan Scale(UsagePlan plan, double scale) =>
        new(plan.Rate * scale, Math.Max(1, (int)Math.Ceiling(plan.Burst * scale)));
}
