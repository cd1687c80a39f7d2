using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Cases;

namespace SpApi.Sandbox.Matching;

/// <summary>
/// Picks the static case a request matches. Every parameter the case lists must match, and every value
/// of its body; extra request parameters and body properties are ignored (typed clients fill in defaults).
/// Among matching cases the most specific one (most parameters and body values) wins, then document order. Without a
/// match it reports the closest case's mismatches.
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

    /// <summary>How much a case pins down: its parameters plus the values in its body (bodies match as subsets, so a bigger body is more specific).</summary>
    private static int Specificity(SandboxCase c) => c.Parameters.Count + Leaves(c.RequestBody);

    private static int Leaves(JToken? token) => token switch
    {
        null => 0,
        JObject o => o.Properties().Sum(p => Leaves(p.Value)),
        JArray a => 1 + a.Sum(Leaves),
        _ => token.Type == JTokenType.Null ? 0 : 1,
    };

    internal static IReadOnlyList<string> Mismatches(SandboxCase candidate, IncomingRequest request)
    {
        var result = new List<string>();
        foreach (var parameter in candidate.Parameters)
        {
            if (ParameterComparer.Compare(parameter, request) is { } why) result.Add(why);
        }
        if (candidate.RequestBody is not null && JsonSemantic.FindDifference(candidate.RequestBody, request.Body, JsonComparison.ExpectedOnly) is { } difference)
            result.Add("body " + difference);
        return result;
    }
}

/// <summary>The matched case, or the mismatches of the closest one.</summary>
internal sealed record CaseMatch(SandboxCase? Case, IReadOnlyList<string> Mismatches)
{
    public SandboxCase? Closest { get; init; }
}
