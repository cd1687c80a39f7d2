namespace SpApi.Runtime;

/// <summary>
/// Typed keys for per-request metadata carried in <see cref="HttpRequestMessage.Options"/>.
/// The generated clients set them; pipeline handlers read them (they never parse URLs).
/// </summary>
public static class SpApiRequestOptions
{
    /// <summary>The operation being called (always set by generated clients).</summary>
    public static readonly HttpRequestOptionsKey<OperationMetadata> Operation = new("SpApi.Operation");

    /// <summary>The seller (selling partner context name) whose credentials the call uses.</summary>
    public static readonly HttpRequestOptionsKey<string> Seller = new("SpApi.Seller");

    /// <summary>Restricted data elements to request an RDT for (e.g. <c>buyerInfo</c>, <c>shippingAddress</c>).</summary>
    public static readonly HttpRequestOptionsKey<IReadOnlyList<string>> DataElements = new("SpApi.DataElements");

    /// <summary>A caller-supplied Restricted Data Token to use as is for this call.</summary>
    public static readonly HttpRequestOptionsKey<string> RestrictedDataToken = new("SpApi.RestrictedDataToken");

    /// <summary>Application id of a delegatee, to request a delegated RDT.</summary>
    public static readonly HttpRequestOptionsKey<string> TargetApplication = new("SpApi.TargetApplication");

    /// <summary>
    /// The ambient <see cref="SpApiCall"/> options a generated client applied to this request (absent without a scope).
    /// Lets explicit options applied later (<see cref="SpApiCallOptions.ApplyExplicit"/>) replace what came from the
    /// ambient scope, but not what the caller set on the request itself.
    /// </summary>
    public static readonly HttpRequestOptionsKey<SpApiCallOptions> AmbientCallOptions = new("SpApi.AmbientCallOptions");

    /// <summary>Reads the operation stamped on a request, or null for requests not made by a generated client.</summary>
    public static OperationMetadata? GetOperation(this HttpRequestMessage request) =>
        request.Options.TryGetValue(Operation, out var op) ? op : null;

    /// <summary>Reads the seller of a request, or null.</summary>
    public static string? GetSeller(this HttpRequestMessage request) =>
        request.Options.TryGetValue(Seller, out var s) ? s : null;
}
