namespace SpApi.Documents.Download;

/// <summary>
/// The decompressed body handed to callers: passes reads through, turns corrupt GZIP data into a
/// <see cref="DocumentException"/> naming the document, and disposes only what it wraps (the decompressor),
/// not the raw download that the <see cref="DocumentContent"/> owns.
/// </summary>
internal sealed class DocumentBodyStream(Stream inner, string documentId, bool disposeInner) : Stream
{
    private long _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            _read += n;
            return n;
        }
        catch (InvalidDataException e)
        {
            throw new DocumentException($"Document {documentId} is not valid GZIP data (after {_read} decompressed bytes).", e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing && disposeInner) inner.Dispose();
        base.Dispose(disposing);
    }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
