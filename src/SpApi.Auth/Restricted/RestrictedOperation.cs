namespace SpApi.Auth.Restricted;

/// <summary>Which path an RDT is requested for.</summary>
public enum RestrictedPathKind
{
    /// <summary>The path template (e.g. <c>/orders/v0/orders/{orderId}</c>): one RDT serves every id.</summary>
    Generic,

    /// <summary>The request's own path (e.g. a report document): one RDT per resource.</summary>
    Specific,
}

/// <summary>When the pipeline obtains an RDT for a restricted operation.</summary>
public enum RestrictedDataTokenUse
{
    /// <summary>For every call (while automatic RDTs are enabled).</summary>
    Always,

    /// <summary>Only when the caller asks, by passing data elements or a target application for the call
    /// (e.g. <c>getReportDocument</c>, restricted only for restricted report types).</summary>
    WhenRequested,
}

/// <summary>One row of the <see cref="RestrictedOperationTable"/>.</summary>
public sealed record RestrictedOperation(
    string ModelFile,
    string OperationId,
    RestrictedPathKind Path,
    IReadOnlyList<string> DataElements,
    RestrictedDataTokenUse Use = RestrictedDataTokenUse.Always)
{
    /// <summary><c>modelFile#operationId</c>.</summary>
    public string Key => OperationKey.Of(ModelFile, OperationId);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Key} ({Path} path{(DataElements.Count == 0 ? "" : ", " + string.Join(",", DataElements))}, {Use})";
}
