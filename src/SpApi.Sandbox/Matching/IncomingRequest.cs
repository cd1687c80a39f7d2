using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Matching;

/// <summary>What the case matcher sees of a request: decoded path values, raw query values, headers and the parsed body.</summary>
internal sealed record IncomingRequest(
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    IReadOnlyDictionary<string, string> Headers,
    JToken? Body)
{
    /// <summary>Optional sandbox extension: pick one case of an operation by index (see the README, sandbox section).</summary>
    public int? ForcedCaseIndex { get; init; }
}
