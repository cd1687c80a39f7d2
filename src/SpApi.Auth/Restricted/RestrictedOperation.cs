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
    /// <summary>For every call (while automatic RDTs are enabled): the operation exists only for personal data
    /// (e.g. <c>getOrderAddress</c>), Amazon refuses it an LWA token.</summary>
    Always,

    /// <summary>
    /// Amazon also answers an LWA token, leaving the personal fields out (Orders v0 <c>getOrders</c>, <c>getOrder</c>,
    /// <c>getOrderItems</c>): an RDT only when the call asks for restricted data or the application declares that it
    /// holds the restricted roles; a refused automatic RDT falls back to the LWA token. Written <c>pii</c> in the table.
    /// </summary>
    ForPersonalData,

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
    RestrictedDataTokenUse Use = RestrictedDataTokenUse.Always,
    IReadOnlyList<string>? Roles = null)
{
    /// <summary>True when Amazon also answers the operation with an LWA access token (without personal data).</summary>
    public bool AnswersLwaToken => Use != RestrictedDataTokenUse.Always;

    /// <summary><c>modelFile#operationId</c>.</summary>
    public string Key => OperationKey.Of(ModelFile, OperationId);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Key} ({Path} path{(DataElements.Count == 0 ? "" : ", " + string.Join(",", DataElements))}, {Use})";
}
