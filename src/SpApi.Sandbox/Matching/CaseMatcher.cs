using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Matching;

/// <summary>
/// Picks the static case a request matches. Every parameter the case lists must match (extra request
/// parameters are ignored, as in Amazon's sandbox); among matching cases the most specific one (most
/// parameters) wins, then document order. Without a match it reports the closest case's mismatches.
/// </summary>
internal static class CaseMatcher
{
    public static CaseMatch Match(ModelOperation operation, IncomingRequest request)
    {
        if (request.ForcedCaseIndex is { } forced)
        {
            var chosen = operation.Cases.FirstOrDefault(c => c.Index == forced);
            if (chosen is null) return new CaseMatch(null, [$"x-spapi-sandbox-case: the operation has no case #{forced}"]);
            var mismatches = Mismatches(chosen, request);
            return mismatches.Count == 0 ? new CaseMatch(chosen, []) : new CaseMatch(null, mismatches) { Closest = chosen };
        }

        SandboxCase? best = null;
        SandboxCase? closest = null;
        IReadOnlyList<string> closestMismatches = [];
        foreach (var candidate in operation.Cases)
        {
            var mismatches = Mismatches(candidate, request);
            if (mismatches.Count == 0)
            {
                if (best is null || Specificity(candidate) > Specificity(best)) best = candidate;
            }
            else if (closest is null || mismatches.Count < closestMismatches.Count)
            {
                closest = candidate;
                closestMismatches = mismatches;
            }
        }
        return best is not null ? new CaseMatch(best, []) : new CaseMatch(null, closestMismatches) { Closest = closest };
    }

    private static int Specificity(SandboxCase c) => c.Parameters.Count + (c.RequestBody is null ? 0 : 1);

    internal static IReadOnlyList<string> Mismatches(SandboxCase candidate, IncomingRequest request)
    {
        var result = new List<string>();
        foreach (var parameter in candidate.Parameters)
        {
            if (ParameterComparer.Compare(parameter, request) is { } why) result.Add(why);
        }
        if (candidate.RequestBody is not null && JsonSemantic.FindDifference(candidate.RequestBody, request.Body) is { } difference)
            result.Add("body " + difference);
        return result;
    }
}

/// <summary>The matched case, or the mismatches of the closest one.</summary>
internal sealed record CaseMatch(SandboxCase? Case, IReadOnlyList<string> Mismatches)
{
    public SandboxCase? Closest { get; init; }
}
