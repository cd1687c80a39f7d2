namespace SpApi.Generator.Diff;

/// <summary>Where a schema is used by an operation: what the caller sends, what it receives, or both.</summary>
[Flags]
public enum SchemaUse
{
    None = 0,
    Request = 1,
    Response = 2,
    Both = Request | Response,
}

public static class SchemaUseText
{
    public static string Describe(this SchemaUse use) => use switch
    {
        SchemaUse.Request => "request",
        SchemaUse.Response => "response",
        SchemaUse.Both => "request and response",
        _ => "unused",
    };
}
