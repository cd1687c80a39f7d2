using SpApi.Runtime;

namespace SpApi.Auth.Restricted;

/// <summary>
/// Shorthands for asking the pipeline for an RDT around generated calls:
/// <code>using (RestrictedData.Request("buyerInfo")) await orders.GetOrderAsync(id);</code>
/// </summary>
public static class RestrictedData
{
    /// <summary>Requests an RDT with these data elements (none is valid: e.g. restricted report documents).</summary>
    public static IDisposable Request(params string[] dataElements) =>
        SpApiCall.With(Current with { DataElements = dataElements });

    /// <summary>Requests a delegated RDT for the delegatee application <paramref name="targetApplication"/>.</summary>
    public static IDisposable Delegate(string targetApplication, params string[] dataElements)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetApplication);
        return SpApiCall.With(Current with { DataElements = dataElements, TargetApplication = targetApplication });
    }

    /// <summary>Sends an RDT the caller already holds, as is.</summary>
    public static IDisposable Use(string restrictedDataToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(restrictedDataToken);
        if (!Tokens.TokenFormat.IsValid(restrictedDataToken))
            throw new ArgumentException($"A restricted data token must be 1 to {Tokens.TokenFormat.MaxLength} visible ASCII characters.", nameof(restrictedDataToken));
        return SpApiCall.With(Current with { RestrictedDataToken = restrictedDataToken });
    }

    // Keeps options set by an enclosing scope (e.g. the seller).
    private static SpApiCallOptions Current => SpApiCall.Current ?? new SpApiCallOptions();
}
