namespace SpApi.Documents.Download;

/// <summary>
/// Where a document lives: the presigned storage URL SP-API returned (getReportDocument, getFeedDocument,
/// Data Kiosk getDocument) and how it is compressed. The URL is a secret for its lifetime (about five minutes);
/// <see cref="ToString"/> never shows it.
/// </summary>
public sealed record DocumentLocation(string DocumentId, Uri Url, string? CompressionAlgorithm = null)
{
    /// <summary>True when the document is GZIP-compressed (<c>compressionAlgorithm: GZIP</c>).</summary>
    public bool IsGzip => string.Equals(CompressionAlgorithm, "GZIP", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the values from the wire: an absolute http(s) URL and a known compression.</summary>
    /// <exception cref="DocumentException">The URL or compression is not usable.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DocumentId)) throw new DocumentException("The document has no id.");
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttps && Url.Scheme != Uri.UriSchemeHttp))
            throw new DocumentException($"Document {DocumentId} has no absolute http(s) URL.");
        if (CompressionAlgorithm is not null && !IsGzip)
            throw new DocumentException($"Document {DocumentId} uses compression '{CompressionAlgorithm}', which is not supported (only GZIP).");
    }

    /// <summary>The id, host and compression; never the presigned URL's path or signature.</summary>
    public override string ToString() => $"DocumentLocation {{ DocumentId = {DocumentId}, Host = {Url?.Host}, CompressionAlgorithm = {CompressionAlgorithm ?? "none"} }}";
}
