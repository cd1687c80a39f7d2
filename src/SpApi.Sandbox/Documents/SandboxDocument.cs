namespace SpApi.Sandbox.Documents;

/// <summary>A document the sandbox serves: its stored bytes (compressed when <see cref="Compression"/> is GZIP) and Content-Type.</summary>
internal sealed record SandboxDocument(string Id, byte[] Body, string ContentType, string? Compression)
{
    public string ETag { get; } = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Body))[..32] + "\"";
}

/// <summary>A feed document slot from createFeedDocument: the content type the upload must carry, and the bytes once uploaded.</summary>
internal sealed class SandboxUpload(string id, string contentType)
{
    public string Id { get; } = id;
    public string ContentType { get; } = contentType;
    public byte[]? Body { get; set; }
}
