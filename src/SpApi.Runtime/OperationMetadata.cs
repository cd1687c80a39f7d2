using System.Runtime.CompilerServices;

namespace SpApi.Runtime;

/// <summary>
/// Everything the pipeline needs to know about one SP-API operation. Generated from the models
/// (and the hand-kept restricted/grantless tables); stamped onto every request by the generated client.
/// </summary>
public sealed record OperationMetadata(
    string ModelFile,
    string Api,
    string Version,
    string OperationId,
    string Method,
    string PathTemplate,
    UsagePlan? UsagePlan,
    bool Restricted,
    string? GrantlessScope,
    bool Deprecated = false,
    string? Description = null,
    PaginationInfo? Pagination = null)
{
    /// <summary>Path parameters whose value is itself a path (Uploads' <c>resource</c>): they may span several segments.</summary>
    public IReadOnlyList<string> PathValuedParameters { get; init; } = [];

    /// <summary>The C# namespace of the generated client, e.g. <c>SpApi.Orders.V0</c>.</summary>
    public string Namespace => $"SpApi.{Api}.{Version}";

    // Pipeline stages read Key on every call; building it once per instance saves a string each time.
    // (A table keyed by instance rather than a field, so record equality and `with` copies stay as they were.)
    private static readonly ConditionalWeakTable<OperationMetadata, string> Keys = new();

    /// <summary>A stable key for per-operation state: <c>ordersV0.json#getOrders</c>.</summary>
    public string Key => Keys.GetValue(this, static op => $"{op.ModelFile}#{op.OperationId}");

    /// <summary>True for GET, PUT and DELETE, which SP-API treats as safe to replay.</summary>
    public bool IsIdempotent => Method is "GET" or "PUT" or "DELETE" or "HEAD";

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {PathTemplate} ({Key})";
}

/// <summary>A documented usage plan: sustained rate in requests per second and burst size.</summary>
public sealed record UsagePlan(double Rate, int Burst)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}/s, burst {Burst}";
}

/// <summary>
/// How an operation pages: the request's token parameter (as named in the model) and the dotted path of the
/// next token in the response (model property names, e.g. <c>payload.NextToken</c>, <c>pagination.nextToken</c>).
/// </summary>
public sealed record PaginationInfo(string RequestToken, string ResponseToken)
{
    /// <summary>The request parameter and the response path, for logs.</summary>
    public override string ToString() => $"{RequestToken} <- {ResponseToken}";
}
