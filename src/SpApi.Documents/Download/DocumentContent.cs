using System.Text;

namespace SpApi.Documents.Download;

/// <summary>
/// An open document: <see cref="Content"/> streams the decompressed bytes straight from storage (nothing is
/// buffered beyond the decompressor's window), <see cref="Encoding"/> is the Content-Type's charset. Dispose it.
/// </summary>
public sealed class DocumentContent : IAsyncDisposable, IDisposable
{
    private readonly ResumableDownloadStream _raw;

    internal DocumentContent(DocumentLocation location, ResumableDownloadStream raw, Stream content, Encoding encoding)
    {
        Location = location;
        _raw = raw;
        Content = content;
        Encoding = encoding;
    }

    /// <summary>The document being read.</summary>
    public DocumentLocation Location { get; }

    /// <summary>Decompressed bytes, read forward only.</summary>
    public Stream Content { get; }

    /// <summary>The storage answer's Content-Type, e.g. <c>text/plain; charset=windows-1252</c>.</summary>
    public string? ContentType => _raw.ContentType;

    /// <summary>Text encoding from the Content-Type charset (or the configured fallback).</summary>
    public Encoding Encoding { get; }

    /// <summary>Bytes received from storage so far (compressed, when the document is).</summary>
    public long RawBytesRead => _raw.Position;

    /// <summary>Transient failures retried so far.</summary>
    public int Retries => _raw.Retries;

    /// <summary>The decoded text; a byte-order mark, if any, wins over the charset.</summary>
    public TextReader OpenText(int bufferSize = 64 * 1024) =>
        new StreamReader(Content, Encoding, detectEncodingFromByteOrderMarks: true, bufferSize, leaveOpen: true);

    /// <summary>Closes the decompressor and the storage response.</summary>
    public void Dispose()
    {
        Content.Dispose();
        _raw.Dispose();
    }

    /// <summary>Closes the decompressor and the storage response.</summary>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        await _raw.DisposeAsync();
    }
}
