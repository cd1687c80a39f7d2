using SpApi.Auth.Lwa;
using SpApi.Runtime;

namespace SpApi.Auth.Grantless;

/// <summary>
/// Grantless operations (called with an application token from the client_credentials grant, not on behalf of a
/// seller) and the LWA scope each needs. Hand-kept from Amazon's "Grantless operations" documentation.
/// </summary>
public sealed class GrantlessOperationTable
{
    private readonly Dictionary<string, string> _scopes;

    /// <summary>A table from operation keys (<c>modelFile#operationId</c>) to the LWA scope each needs.</summary>
    public GrantlessOperationTable(IEnumerable<KeyValuePair<string, string>> scopesByOperationKey)
    {
        ArgumentNullException.ThrowIfNull(scopesByOperationKey);
        _scopes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, scope) in scopesByOperationKey)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(scope);
            if (!_scopes.TryAdd(key, scope)) throw new ArgumentException($"Grantless operation '{key}' is listed twice.", nameof(scopesByOperationKey));
        }
    }

    /// <summary>
    /// Notifications destinations and subscription-by-id operations; Application Management secret rotation.
    /// Emitted by the generator (<c>SpApi.Clients.GeneratedGrantlessOperations</c>, from its <c>Data/grantless-operations.json</c>,
    /// the source of the metadata's GrantlessScope too) as a short list: no walk over every API's metadata at start-up.
    /// </summary>
    public static GrantlessOperationTable Default { get; } = new(SpApi.Clients.GeneratedGrantlessOperations.Scopes);

    /// <summary>Operation key (<c>modelFile#operationId</c>) to scope.</summary>
    public IReadOnlyDictionary<string, string> Scopes => _scopes;

    /// <summary>The scope of a grantless operation, or null for seller-authorized operations.</summary>
    public string? FindScope(OperationMetadata operation) =>
        _scopes.GetValueOrDefault(OperationKey.Of(operation ?? throw new ArgumentNullException(nameof(operation))));

    /// <summary>A copy where <c>modelFile#operationId</c> needs <paramref name="scope"/>.</summary>
    public GrantlessOperationTable With(string modelFile, string operationId, string scope)
    {
        var copy = new Dictionary<string, string>(_scopes) { [OperationKey.Of(modelFile, operationId)] = scope };
        return new GrantlessOperationTable(copy);
    }
}
