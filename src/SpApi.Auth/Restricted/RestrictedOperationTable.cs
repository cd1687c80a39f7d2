using System.Text.Json;
using SpApi.Runtime;

namespace SpApi.Auth.Restricted;

/// <summary>
/// Which operations need a Restricted Data Token, and how. The data is <c>restricted-operations.json</c> (see its
/// <c>about</c>), compiled into the generated clients; users replace it with their own file
/// (<c>SellingPartnerApi:RestrictedOperationsFile</c>) or adjust it with <see cref="With"/>/<see cref="Without"/>.
/// </summary>
public sealed class RestrictedOperationTable
{
    private static readonly RestrictedOperationTable DefaultTable = Shipped();
    private readonly Lazy<Contents> _contents;
    // The shipped table's generated check: a call of an operation it does not list never builds the table.
    private readonly Func<string, bool>? _lists;

    /// <summary>A table of <paramref name="operations"/>; operation keys must be distinct.</summary>
    public RestrictedOperationTable(IEnumerable<RestrictedOperation> operations, IReadOnlyDictionary<string, IReadOnlyList<string>>? dataElementRoles = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var contents = Build(operations, dataElementRoles); // validated here, not on first use
        _contents = new(() => contents);
    }

    private RestrictedOperationTable(Func<Contents> load, Func<string, bool> lists)
    {
        _contents = new(load);
        _lists = lists;
    }

    /// <summary>A new instance of the shipped table (tests: <see cref="Default"/> is shared by the whole process).</summary>
    internal static RestrictedOperationTable Shipped() => new(LoadDefault, SpApi.Clients.GeneratedRestrictedOperations.Lists);

    private sealed record Contents(Dictionary<string, RestrictedOperation> ByKey, Dictionary<string, IReadOnlyList<string>> DataElementRoles);

    private static Contents Build(IEnumerable<RestrictedOperation> operations, IReadOnlyDictionary<string, IReadOnlyList<string>>? dataElementRoles)
    {
        var roles = new Dictionary<string, IReadOnlyList<string>>(dataElementRoles ?? new Dictionary<string, IReadOnlyList<string>>(), StringComparer.Ordinal);
        var byKey = new Dictionary<string, RestrictedOperation>(StringComparer.Ordinal);
        foreach (var op in operations)
            if (!byKey.TryAdd(op.Key, op))
                throw new ArgumentException($"Restricted operation '{op.Key}' is listed twice.", nameof(operations));
        return new Contents(byKey, roles);
    }

    /// <summary>False until the rows are needed (a call of a listed operation, or a look at the rows).</summary>
    internal bool IsLoaded => _contents.IsValueCreated;

    private Dictionary<string, RestrictedOperation> ByKey => _contents.Value.ByKey;

    private Dictionary<string, IReadOnlyList<string>> ElementRoles => _contents.Value.DataElementRoles;

    /// <summary>The table shipped with SpApi (Amazon's Tokens API use case guide).</summary>
    public static RestrictedOperationTable Default => DefaultTable;

    /// <summary>Every restricted operation of the table.</summary>
    public IReadOnlyCollection<RestrictedOperation> Operations => ByKey.Values;

    /// <summary>The restricted roles (any one of them) Amazon requires per data element (<c>dataElementRoles</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DataElementRoles => ElementRoles;

    /// <summary>
    /// The roles an RDT for <paramref name="operation"/> with <paramref name="dataElements"/> needs, for error messages:
    /// those of the data elements, else the row's own <see cref="RestrictedOperation.Roles"/>; empty when unknown.
    /// </summary>
    public IReadOnlyList<string> RolesFor(RestrictedOperation operation, IReadOnlyList<string> dataElements)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var fromElements = (dataElements ?? []).SelectMany(e => ElementRoles.GetValueOrDefault(e) ?? []).Distinct(StringComparer.Ordinal).ToArray();
        return fromElements.Length > 0 ? fromElements : operation.Roles ?? [];
    }

    /// <summary>The row for an operation, or null when it needs no RDT.</summary>
    public RestrictedOperation? Find(OperationMetadata operation) =>
        Find(OperationKey.Of(operation ?? throw new ArgumentNullException(nameof(operation))));

    /// <summary>The entry for an operation, or null when it needs no RDT.</summary>
    public RestrictedOperation? Find(string modelFile, string operationId) => Find(OperationKey.Of(modelFile, operationId));

    private RestrictedOperation? Find(string key) => _lists?.Invoke(key) == false ? null : ByKey.GetValueOrDefault(key);

    /// <summary>A copy with <paramref name="operation"/> added or replacing the row of the same key.</summary>
    public RestrictedOperationTable With(RestrictedOperation operation) =>
        new(ByKey.Values.Where(o => o.Key != operation.Key).Append(operation), ElementRoles);

    /// <summary>A copy without the row for <c>modelFile#operationId</c>.</summary>
    public RestrictedOperationTable Without(string modelFile, string operationId)
    {
        var key = OperationKey.Of(modelFile, operationId);
        return new(ByKey.Values.Where(o => o.Key != key), ElementRoles);
    }

    /// <summary>Reads a table from a file in the format of <c>restricted-operations.json</c>.</summary>
    public static RestrictedOperationTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Restricted operations file '{path}' does not exist.", path);
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>Parses a table; errors name the file (<paramref name="source"/>) and the bad row.</summary>
    public static RestrictedOperationTable FromJson(string json, string source = "restricted operations table")
    {
        ArgumentNullException.ThrowIfNull(json);
        RestrictedOperationFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, RestrictedOperationJsonContext.Default.RestrictedOperationFile);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON ({e.Message}).", e);
        }
        if (file?.Operations is null) throw new FormatException($"{source}: missing the 'operations' array.");
        var roles = (file.DataElementRoles ?? []).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)(p.Value ?? []).ToArray(), StringComparer.Ordinal);
        return new RestrictedOperationTable(file.Operations.Select((row, i) => row.ToOperation(source, i)), roles);
    }

    // The shipped table is emitted by the generator as code (SpApi.Clients.GeneratedRestrictedOperations):
    // no embedded resource and no JSON parsing on the start-up path.
    private static Contents LoadDefault()
    {
        var rows = SpApi.Clients.GeneratedRestrictedOperations.Rows;
        var operations = new RestrictedOperation[rows.Count];
        for (var i = 0; i < rows.Count; i++) operations[i] = RestrictedOperationRow.FromColumns(rows[i]).ToOperation(GeneratedSource, i);
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (element, elementRoles) in SpApi.Clients.GeneratedRestrictedOperations.DataElementRoles) roles[element] = elementRoles;
        return Build(operations, roles);
    }

    private const string GeneratedSource = "restricted-operations.json (shipped)";
}
