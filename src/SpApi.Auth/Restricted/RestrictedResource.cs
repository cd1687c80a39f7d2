namespace SpApi.Auth.Restricted;

/// <summary>The resource an RDT is requested for: HTTP method, path (generic or specific) and data elements.</summary>
public sealed record RestrictedResource(string Method, string Path, IReadOnlyList<string> DataElements)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Method} {Path}{(DataElements.Count == 0 ? "" : " [" + string.Join(",", DataElements) + "]")}";
}
