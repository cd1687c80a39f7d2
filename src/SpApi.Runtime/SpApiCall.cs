namespace SpApi.Runtime;

/// <summary>
/// Per-call options for code that calls a generated method and cannot reach its HttpRequestMessage:
/// <code>using (SpApiCall.With(new SpApiCallOptions { DataElements = ["buyerInfo"] })) await orders.GetOrderAsync(id);</code>
/// The generated client copies the ambient options onto the request it builds.
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
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Ambient.Value = previous;
        }
    }
}

/// <summary>Options that apply to one call (see <see cref="SpApiCall"/>).</summary>
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

    /// <summary>Never prints the token.</summary>
    public override string ToString() =>
        $"SpApiCallOptions {{ Seller = {Seller}, DataElements = [{string.Join(",", DataElements ?? [])}], RestrictedDataToken = {(RestrictedDataToken is null ? "null" : "***")}, TargetApplication = {TargetApplication} }}";
}
