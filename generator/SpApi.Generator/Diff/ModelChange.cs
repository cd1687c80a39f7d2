namespace SpApi.Generator.Diff;

/// <summary>
/// One API change between two model versions, as it appears in the report.
/// <paramref name="ModelFile"/> is the path relative to <c>models/</c> with forward slashes;
/// <paramref name="OperationId"/> is null for changes that belong to the file or to a definition no operation uses.
/// </summary>
public sealed record ModelChange(ChangeKind Kind, string ModelFile, string? OperationId, bool Breaking, string Detail)
{
    public override string ToString() =>
        $"{(Breaking ? "BREAKING " : "")}{Kind.ToJsonName()} {ModelFile}{(OperationId is null ? "" : "#" + OperationId)}: {Detail}";
}
