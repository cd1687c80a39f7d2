namespace SpApi.Generator.Diff;

/// <summary>What changed between two model versions. Serialized in camelCase (<c>operationAdded</c>).</summary>
public enum ChangeKind
{
    ModelFileAdded,
    ModelFileRemoved,
    OperationAdded,
    OperationRemoved,
    OperationDeprecated,
    ParameterAdded,
    ParameterRemoved,
    ParameterChanged,
    PropertyAdded,
    PropertyRemoved,
    PropertyChanged,
    EnumValueAdded,
    EnumValueRemoved,
    UsagePlanChanged,
    DocumentationChanged,
    PathTemplateChanged,
}

public static class ChangeKindNames
{
    /// <summary>The report's spelling of a kind: <c>ModelFileAdded</c> becomes <c>modelFileAdded</c>.</summary>
    public static string ToJsonName(this ChangeKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static ChangeKind Parse(string jsonName) =>
        Enum.TryParse<ChangeKind>(jsonName, ignoreCase: true, out var kind) && !int.TryParse(jsonName, out _)
            ? kind
            : throw new FormatException($"'{jsonName}' is not a change kind.");
}
