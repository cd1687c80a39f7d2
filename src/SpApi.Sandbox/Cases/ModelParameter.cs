namespace SpApi.Sandbox.Cases;

/// <summary>
/// A parameter as a model declares it: enough type information to compare a case's value with what
/// a client put on the wire (dates as instants, numbers by value, arrays split by their collection format).
/// </summary>
public sealed record ModelParameter(
    string Name,
    ParameterLocation Location,
    bool Required,
    string? Type,
    string? Format,
    string? ItemsType,
    string? ItemsFormat,
    string? CollectionFormat)
{
    /// <summary>True for an array parameter (see <c>CollectionFormat</c>).</summary>
    public bool IsArray => Type == "array";

    /// <summary>The separator of a non-<c>multi</c> array (Swagger 2.0 defaults to <c>csv</c>).</summary>
    public char? ArraySeparator => CollectionFormat switch
    {
        "multi" => null,
        "ssv" => ' ',
        "tsv" => '\t',
        "pipes" => '|',
        _ => ',',
    };
}
