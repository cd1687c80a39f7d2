namespace SpApi.Runtime;

/// <summary>A read-only index of operations by key (<c>modelFile#operationId</c>).</summary>
public sealed class OperationCatalog
{
    private readonly Dictionary<string, OperationMetadata> _byKey;

    /// <summary>Indexes <paramref name="operations"/>; their keys must be distinct.</summary>
    public OperationCatalog(IEnumerable<OperationMetadata> operations)
    {
        All = operations.ToArray();
        _byKey = All.ToDictionary(o => o.Key, StringComparer.Ordinal);
    }

    /// <summary>Every operation, in the order given.</summary>
    public IReadOnlyList<OperationMetadata> All { get; }

    /// <summary>The operation of <paramref name="modelFile"/> named <paramref name="operationId"/>, or null.</summary>
    public OperationMetadata? Find(string modelFile, string operationId) =>
        _byKey.TryGetValue($"{modelFile}#{operationId}", out var op) ? op : null;

    /// <summary>Finds an operation by key; throws a clear error when absent.</summary>
    public OperationMetadata Get(string modelFile, string operationId) =>
        Find(modelFile, operationId) ?? throw new KeyNotFoundException($"No SP-API operation '{operationId}' in model file '{modelFile}'.");
}
