namespace SpApi.Sandbox.Auth;

/// <summary>
/// What the Tokens API accepts in a restricted resource beyond "a restricted operation's method and path":
/// which operations take <c>dataElements</c> (required for getOrder, getOrders and getOrderItems of
/// Orders v0), which refuse a generic path such as <c>/reports/2021-06-30/documents/{reportDocumentId}</c>, and
/// which accept an LWA token as well (an RDT only for their personal data: Orders v0 getOrders, getOrder and
/// getOrderItems answer an LWA token without buyerInfo/shippingAddress on Amazon; getReportDocument needs one only
/// for restricted report types).
/// Operations are named by key (<c>ordersV0.json#getOrder</c>).
/// </summary>
public sealed class RestrictedResourceRules
{
    private readonly Dictionary<string, (IReadOnlySet<string> Allowed, bool Required)> _dataElements = new(StringComparer.Ordinal);
    private readonly HashSet<string> _specificPathOnly = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rdtOptional = new(StringComparer.Ordinal);

    /// <summary>SP-API's rules as documented in the Tokens API use case guide (a new instance each time: adjust it freely).</summary>
    public static RestrictedResourceRules Default => new RestrictedResourceRules()
        .DataElements("ordersV0.json#getOrders", required: true, "buyerInfo", "shippingAddress", "buyerTaxInformation")
        .DataElements("ordersV0.json#getOrder", required: true, "buyerInfo", "shippingAddress", "buyerTaxInformation")
        .DataElements("ordersV0.json#getOrderItems", required: true, "buyerInfo")
        .RdtOptional("ordersV0.json#getOrders")
        .RdtOptional("ordersV0.json#getOrder")
        .RdtOptional("ordersV0.json#getOrderItems")
        .SpecificPathOnly("reports_2021-06-30.json#getReportDocument")
        .RdtOptional("reports_2021-06-30.json#getReportDocument");

    /// <summary>Declares the data elements an operation accepts.</summary>
    public RestrictedResourceRules DataElements(string operationKey, bool required, params string[] allowed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationKey);
        _dataElements[operationKey] = (new HashSet<string>(allowed, StringComparer.Ordinal), required);
        return this;
    }

    /// <summary>Declares an operation whose RDT must name a concrete path.</summary>
    public RestrictedResourceRules SpecificPathOnly(string operationKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationKey);
        _specificPathOnly.Add(operationKey);
        return this;
    }

    /// <summary>
    /// Declares a restricted operation that also answers an LWA token: an RDT is only needed for some of its
    /// data (getOrders: the personal fields; getReportDocument: documents of restricted report types). The sandbox
    /// answers the static case unchanged either way (see docs/sandbox-fidelity.md).
    /// </summary>
    public RestrictedResourceRules RdtOptional(string operationKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationKey);
        _rdtOptional.Add(operationKey);
        return this;
    }

    /// <summary>True when the restricted operation also accepts a seller's LWA token.</summary>
    internal bool IsRdtOptional(string operationKey) => _rdtOptional.Contains(operationKey);

    /// <summary>True unless the operation's RDT must name a concrete path.</summary>
    internal bool AllowsGenericPath(string operationKey) => !_specificPathOnly.Contains(operationKey);


    /// <summary>Null when <paramref name="requested"/> suits the operation; otherwise the reason.</summary>
    internal string? CheckDataElements(string operationKey, string operationId, IReadOnlyList<string> requested)
    {
        if (!_dataElements.TryGetValue(operationKey, out var rule))
            return requested.Count == 0 ? null : $"{operationId} does not take dataElements (got {string.Join(", ", requested)}).";
        if (requested.Count == 0 && rule.Required)
            return $"dataElements are required for {operationId} (one or more of {string.Join(", ", rule.Allowed)}).";
        var unknown = requested.Where(e => !rule.Allowed.Contains(e)).ToArray();
        return unknown.Length == 0 ? null
            : $"{operationId} does not take data element(s) {string.Join(", ", unknown)} (allowed: {string.Join(", ", rule.Allowed)}).";
    }
}
