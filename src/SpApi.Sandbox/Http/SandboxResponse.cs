using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Http;

/// <summary>An answer computed before it is written (so a fault can still corrupt it).</summary>
internal sealed record SandboxResponse(int Status, JToken? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static SandboxResponse Error(int status, string code, string message, string details) =>
        new(status, SpApiResponses.ErrorBody(code, message, details));

    /// <summary>Amazon's error as Amazon words it, with the sandbox's explanation in an extra field and header.</summary>
    public static SandboxResponse Explained(int status, string code, string message, string explanation)
    {
        var (body, headers) = SpApiResponses.ExplainedError(code, message, explanation);
        return new(status, body, headers);
    }
}
