using System.Reflection;
using SpApi.Clients;
using SpApi.Runtime;

namespace SpApi.Cli.Smoke;

/// <summary>
/// Finds the generated client method of an operation: the client class in the operation's namespace
/// (<c>SpApi.Orders.V0</c>) and its method named after the operationId (NSwag: PascalCase + <c>Async</c>).
/// </summary>
internal sealed class ClientOperationIndex
{
    private readonly Dictionary<string, ClientOperation> _byKey = new(StringComparer.Ordinal);

    public ClientOperationIndex(OperationCatalog catalog, IEnumerable<Type> clientImplementations)
    {
        var byNamespace = clientImplementations.ToLookup(t => t.Namespace ?? "", StringComparer.Ordinal);
        foreach (var operation in catalog.All)
        {
            var client = byNamespace[operation.Namespace].SingleOrDefault();
            var wanted = Normalize(operation.OperationId + "Async");
            var method = client?.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => Normalize(m.Name) == wanted && typeof(Task).IsAssignableFrom(m.ReturnType))
                .OrderByDescending(m => m.GetParameters().Length)
                .FirstOrDefault();
            if (client is not null && method is not null) _byKey[operation.Key] = new ClientOperation(operation, client, method);
        }
    }

    public static ClientOperationIndex Generated { get; } =
        new(SpApiOperationCatalog.Instance, GeneratedClients.All.Select(c => c.Implementation));

    public ClientOperation? Find(string modelFile, string operationId) =>
        _byKey.TryGetValue($"{modelFile}#{operationId}", out var found) ? found : null;

    /// <summary>NSwag drops characters C# names cannot hold and changes case: compare letters and digits only.</summary>
    internal static string Normalize(string name) =>
        new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}

/// <summary>An operation with the client type and method that call it.</summary>
internal sealed record ClientOperation(OperationMetadata Metadata, Type Client, MethodInfo Method);
