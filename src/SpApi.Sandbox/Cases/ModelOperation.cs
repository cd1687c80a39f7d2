namespace SpApi.Sandbox.Cases;

/// <summary>One operation of a model file with its declared parameters and its static sandbox cases.</summary>
public sealed class ModelOperation
{
    internal ModelOperation(string modelFile, string operationId, string method, string pathTemplate,
        IReadOnlyList<ModelParameter> parameters)
    {
        ModelFile = modelFile;
        OperationId = operationId;
        Method = method;
        PathTemplate = pathTemplate;
        Parameters = parameters;
    }

    /// <summary>File name of the model, e.g. <c>ordersV0.json</c> (the same as <c>OperationMetadata.ModelFile</c>).</summary>
    public string ModelFile { get; }
    /// <summary>The model's operationId (made unique within the file, as the client generator names it).</summary>
    public string OperationId { get; }

    /// <summary>Upper-case HTTP method.</summary>
    public string Method { get; }
    /// <summary>The path with its <c>{parameter}</c> placeholders, e.g. <c>/orders/v0/orders/{orderId}</c>.</summary>
    public string PathTemplate { get; }
    /// <summary>The declared parameters, path-level ones merged in.</summary>
    public IReadOnlyList<ModelParameter> Parameters { get; }
    /// <summary>The operation's static sandbox cases, in document order.</summary>
    public IReadOnlyList<SandboxCase> Cases { get; internal set; } = [];

    /// <summary><c>modelFile#operationId</c>, the key of <c>OperationMetadata</c>.</summary>
    public string Key => $"{ModelFile}#{OperationId}";

    /// <summary>The body parameter, or null.</summary>
    public ModelParameter? BodyParameter => Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Body);

    /// <summary>The parameter named <paramref name="name"/>, or null.</summary>
    public ModelParameter? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {PathTemplate} ({Key})";
}
