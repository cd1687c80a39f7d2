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
    public string OperationId { get; }

    /// <summary>Upper-case HTTP method.</summary>
    public string Method { get; }
    public string PathTemplate { get; }
    public IReadOnlyList<ModelParameter> Parameters { get; }
    public IReadOnlyList<SandboxCase> Cases { get; internal set; } = [];

    /// <summary><c>modelFile#operationId</c>, the key of <c>OperationMetadata</c>.</summary>
    public string Key => $"{ModelFile}#{OperationId}";

    public ModelParameter? BodyParameter => Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Body);

    public ModelParameter? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    public override string ToString() => $"{Method} {PathTemplate} ({Key})";
}
