namespace SpApi.Documents.Download;

/// <summary>A document could not be downloaded, uploaded or read. Messages never contain presigned URLs or tokens.</summary>
public class DocumentException : Exception
{
    /// <summary>A document failure; <paramref name="message"/> names the document id, never its URL.</summary>
    public DocumentException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The storage service's HTTP status, when it answered with an error.</summary>
    public int? StatusCode { get; init; }
}
