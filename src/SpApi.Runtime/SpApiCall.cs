namespace SpApi.Runtime;

/// <summary>
/// Ambient per-call options, sugar over the explicit ones (<c>sellers.For(seller).With(options)</c>, see
/// docs/per-call-options.md):
/// <code>using (SpApiCall.With(new SpApiCallOptions { DataElements = ["buyerInfo"] })) await orders.GetOrderAsync(id);</code>
/// The generated client copies the ambient options onto the request it builds. Explicit options beat ambient ones,
/// field by field, and an ambient <see cref="SpApiCallOptions.Seller"/> never changes the seller of a client made
/// by <c>For(seller)</c>.
/// </summary>
public static class SpApiCall
{
    private static readonly AsyncLocal<SpApiCallOptions?> Ambient = new();

    /// <summary>The options in force for calls made from the current async flow, or null.</summary>
    public static SpApiCallOptions? Current => Ambient.Value;

    /// <summary>Applies <paramref name="options"/> to calls made until the returned scope is disposed.</summary>
    public static IDisposable With(SpApiCallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var previous = Ambient.Value;
        Ambient.Value = options;
        return new Scope(previous);
    }

    private sealed class Scope(SpApiCallOptions? previous) : IDisposable
    {
        private bool _disposed;
        /// <summary>Restores the options in force before the scope; a second call does nothing.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Ambient.Value = previous;
        }
    }
}

/// <summary>
/// Options that apply to a call: bound to a client (<c>sellers.For("acme").With(options).Get&lt;IOrdersClient&gt;()</c>,
/// explicit) or set for a scope (<see cref="SpApiCall.With"/>, ambient). Unset (null) fields leave the call as it is.
/// </summary>
public sealed record SpApiCallOptions
{
    /// <summary>Seller context to use instead of the client's.</summary>
    public string? Seller { get; init; }

    /// <summary>Restricted data elements to ask the RDT for.</summary>
    public IReadOnlyList<string>? DataElements { get; init; }

    /// <summary>An RDT obtained by the caller; sent as is.</summary>
    public string? RestrictedDataToken { get; init; }

    /// <summary>Delegatee application id for a delegated RDT.</summary>
    public string? TargetApplication { get; init; }

    /// <summary>Copies these options onto a request.</summary>
    public void ApplyTo(HttpRequestMessage request)
    {
        if (Seller is not null) request.Options.Set(SpApiRequestOptions.Seller, Seller);
        if (DataElements is not null) request.Options.Set(SpApiRequestOptions.DataElements, DataElements);
        if (RestrictedDataToken is not null) request.Options.Set(SpApiRequestOptions.RestrictedDataToken, RestrictedDataToken);
        if (TargetApplication is not null) request.Options.Set(SpApiRequestOptions.TargetApplication, TargetApplication);
    }

    /// <summary>
    /// Applies these explicit options over <paramref name="request"/>: each field set here replaces a value that is
    /// unset or came from the ambient scope (<see cref="SpApiRequestOptions.AmbientCallOptions"/>); a value the caller
    /// set on the request itself is kept.
    /// </summary>
    public void ApplyExplicit(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ambient = request.Options.TryGetValue(SpApiRequestOptions.AmbientCallOptions, out var a) ? a : null;
        SetExplicit(request, SpApiRequestOptions.Seller, Seller, ambient?.Seller);
        SetExplicit(request, SpApiRequestOptions.DataElements, DataElements, ambient?.DataElements);
        SetExplicit(request, SpApiRequestOptions.RestrictedDataToken, RestrictedDataToken, ambient?.RestrictedDataToken);
        SetExplicit(request, SpApiRequestOptions.TargetApplication, TargetApplication, ambient?.TargetApplication);
    }

    private static void SetExplicit<T>(HttpRequestMessage request, HttpRequestOptionsKey<T> key, T? value, T? ambientValue) where T : class
    {
        if (value is null) return;
        if (!request.Options.TryGetValue(key, out var current) || ReferenceEquals(current, ambientValue))
            request.Options.Set(key, value);
    }

    /// <summary>Never prints the token.</summary>
    public override string ToString() =>
        $"SpApiCallOptions {{ Seller = {Seller}, DataElements = [{string.Join(",", DataElements ?? [])}], RestrictedDataToken = {(RestrictedDataToken is null ? "null" : "***")}, TargetApplication = {TargetApplication} }}";
}
