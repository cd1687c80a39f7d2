using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Http;

/// <summary>An answer computed before it is written (so a fault can still corrupt it).</summary>
internal sealed record SandboxResponse(int Status, JToken? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static SandboxResponse Error(int status, string code, string message, string details) =>
        new(status, SpApiResponses.ErrorBody(code, message, details));
}
