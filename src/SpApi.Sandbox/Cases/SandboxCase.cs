using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Cases;

/// <summary>
/// One <c>x-amzn-api-sandbox.static</c> entry: the request Amazon's sandbox answers and the answer.
/// JSON values are shared with the catalog: treat them as read-only.
/// </summary>
public sealed class SandboxCase
{
    internal SandboxCase(ModelOperation operation, int index, int expectedStatus,
        IReadOnlyList<SandboxCaseParameter> parameters, JToken? requestBody,
        JToken? responseBody, IReadOnlyDictionary<string, string> responseHeaders, IReadOnlyList<string> quirks)
    {
        Operation = operation;
        Index = index;
        ExpectedStatus = expectedStatus;
        Parameters = parameters;
        RequestBody = requestBody;
        ResponseBody = responseBody;
        ResponseHeaders = responseHeaders;
        Quirks = quirks;
    }

    /// <summary>The operation the case belongs to.</summary>
    public ModelOperation Operation { get; }
    /// <summary>The model file name, e.g. <c>ordersV0.json</c>.</summary>
    public string ModelFile => Operation.ModelFile;
    /// <summary>The operation id.</summary>
    public string OperationId => Operation.OperationId;
    /// <summary>The upper-case HTTP method.</summary>
    public string Method => Operation.Method;
    /// <summary>The operation's path template.</summary>
    public string PathTemplate => Operation.PathTemplate;

    /// <summary>1-based position among the operation's cases, in document order.</summary>
    public int Index { get; }

    /// <summary>The HTTP status of the response the case sits under.</summary>
    public int ExpectedStatus { get; }

    /// <summary>Path, query and header parameters the request must carry, by value.</summary>
    public IReadOnlyList<SandboxCaseParameter> Parameters { get; }

    /// <summary>The JSON body the request must carry (semantically), or null when the case does not constrain it.</summary>
    public JToken? RequestBody { get; }

    /// <summary>The JSON the sandbox answers, or null for an empty body.</summary>
    public JToken? ResponseBody { get; }

    /// <summary>Headers the case's response declares.</summary>
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; }

    /// <summary>Upstream defects found while reading the case and how they were read (empty for clean cases).</summary>
    public IReadOnlyList<string> Quirks { get; }

    /// <summary>Stable id: <c>ordersV0.json#getOrder#2</c>.</summary>
    public string Id => $"{Operation.Key}#{Index}";

    /// <summary>Short display name: <c>getOrder #2 (200)</c>.</summary>
    public string Name => $"{OperationId} #{Index} ({ExpectedStatus})";

    /// <summary>The case's value for the parameter named <paramref name="name"/>, or null.</summary>
    public SandboxCaseParameter? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Method} {PathTemplate} -> {ExpectedStatus}";
}

/// <summary>A case's value for one declared path, query or header parameter.</summary>
public sealed record SandboxCaseParameter(ModelParameter Definition, JToken Value)
{
    /// <summary>The parameter name.</summary>
    public string Name => Definition.Name;
    /// <summary>Where the parameter travels.</summary>
    public ParameterLocation Location => Definition.Location;
}
