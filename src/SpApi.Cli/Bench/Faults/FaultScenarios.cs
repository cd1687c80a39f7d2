namespace SpApi.Cli.Bench.Faults;

/// <summary>
/// Every scenario of <c>spapi bench faults</c>, by group. Extension point: add a scenario to a group, or a new
/// group class (a static <c>All</c> list of <see cref="FaultScenario"/>) and one line here. Names must be unique.
/// </summary>
internal static class FaultScenarios
{
    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        .. RateLimitHeaderFaults.All,
        .. RedirectFaults.All,
        .. PathFaults.All,
        .. TokenShapeFaults.All,
        .. LwaAnswerFaults.All,
        .. BodyFaults.All,
        .. InvalidGrantFaults.All,
        .. WriteFaults.All,
        .. OptionFaults.All,
        .. LogStateFaults.All,
        .. LwaHostFaults.All,
        .. StoreBoundFaults.All,
        .. Models.HostileModelFaults.All,
    ];
}
