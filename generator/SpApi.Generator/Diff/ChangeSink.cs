namespace SpApi.Generator.Diff;

/// <summary>
/// Collects the changes of one model file. A schema change reached from both the request and the response of
/// an operation is reported once: its uses are merged and its classification is re-evaluated for the union.
/// </summary>
internal sealed class ChangeSink(string modelFile)
{
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<(ChangeKind, string?, string), Entry> _schemaEntries = [];

    public string ModelFile { get; } = modelFile;

    public void Add(ChangeKind kind, string? operationId, bool breaking, string detail) =>
        _entries.Add(new Entry(kind, operationId, detail, SchemaUse.None, _ => breaking));

    /// <summary>A change inside a request or response schema; <paramref name="breaking"/> is asked with the merged use.</summary>
    public void AddSchemaChange(ChangeKind kind, string? operationId, string detail, SchemaUse use, Func<SchemaUse, bool> breaking)
    {
        if (_schemaEntries.TryGetValue((kind, operationId, detail), out var existing))
        {
            existing.Use |= use;
            return;
        }
        var entry = new Entry(kind, operationId, detail, use, breaking);
        _schemaEntries.Add((kind, operationId, detail), entry);
        _entries.Add(entry);
    }

    /// <summary>True when a change was already reported for the operation (so its edits are explained).</summary>
    public bool HasChange(string operationId) => _entries.Any(e => e.OperationId == operationId);

    public IEnumerable<ModelChange> Changes() =>
        _entries.Select(e => new ModelChange(
            e.Kind, ModelFile, e.OperationId, e.Breaking(e.Use),
            // Parameters are always sent, so only schema properties and enums say where they are used.
            e.Use == SchemaUse.None || e.Kind == ChangeKind.ParameterChanged ? e.Detail : $"{e.Detail} ({e.Use.Describe()})"));

    private sealed class Entry(ChangeKind kind, string? operationId, string detail, SchemaUse use, Func<SchemaUse, bool> breaking)
    {
        public ChangeKind Kind { get; } = kind;
        public string? OperationId { get; } = operationId;
        public string Detail { get; } = detail;
        public SchemaUse Use { get; set; } = use;
        public Func<SchemaUse, bool> Breaking { get; } = breaking;
    }
}
