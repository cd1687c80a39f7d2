using Newtonsoft.Json.Linq;

namespace SpApi.Generator.Generation;

/// <summary>
/// The hand-kept facts that are not in the models: which operations are restricted (need an RDT) and
/// which are grantless (client_credentials with a scope). One source each: the restricted table is the auth
/// add-on's <c>src/SpApi.Auth/Restricted/restricted-operations.json</c> (users can override it at run time);
/// the grantless table is <c>Data/grantless-operations.json</c> here, which the auth add-on reads back
/// from the generated metadata.
/// </summary>
public sealed class OperationTables
{
    private readonly HashSet<string> _restricted;
    private readonly Dictionary<string, string> _grantless;

    public OperationTables(IEnumerable<string> restrictedKeys, IReadOnlyDictionary<string, string> grantless)
    {
        _restricted = restrictedKeys.ToHashSet(StringComparer.Ordinal);
        _grantless = new Dictionary<string, string>(grantless, StringComparer.Ordinal);
    }

    public static OperationTables Load(GeneratorPaths paths)
    {
        var restricted = JObject.Parse(File.ReadAllText(paths.RestrictedOperationsJson));
        var grantless = JObject.Parse(File.ReadAllText(Path.Combine(paths.DataDir, "grantless-operations.json")));
        var restrictedKeys = ((JArray)restricted["operations"]!).Select(o => o.Value<string>("operation")!);
        var grantlessMap = ((JArray)grantless["operations"]!).ToDictionary(
            o => Key(o.Value<string>("modelFile")!, o.Value<string>("operationId")!),
            o => o.Value<string>("scope")!);
        return new OperationTables(restrictedKeys, grantlessMap);
    }

    public bool IsRestricted(string modelFile, string operationId) => _restricted.Contains(Key(modelFile, operationId));

    public string? GrantlessScope(string modelFile, string operationId) =>
        _grantless.TryGetValue(Key(modelFile, operationId), out var s) ? s : null;

    /// <summary>Keys in the tables that match no operation of the models (stale entries are errors).</summary>
    public IEnumerable<string> Unmatched(IEnumerable<string> knownKeys)
    {
        var known = knownKeys.ToHashSet(StringComparer.Ordinal);
        return _restricted.Concat(_grantless.Keys).Where(k => !known.Contains(k));
    }

    private static string Key(string modelFile, string operationId) => $"{modelFile}#{operationId}";
}
