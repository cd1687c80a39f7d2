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

    /// <summary>Delegates to the decompressor's own copy loop (it inflates straight from its input buffer).</summary>
    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        var counting = new CountingWriteStream(destination);
        try
        {
            await inner.CopyToAsync(counting, bufferSize, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new DocumentException($"Document {documentId} is not valid GZIP data (after {_read + counting.Written} decompressed bytes).", e);
        }
        finally
        {
            _read += counting.Written;
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

/// <summary>Passes writes through, counting them.</summary>
internal sealed class CountingWriteStream(Stream inner) : Stream
{
    public long Written { get; private set; }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Written += count;
        inner.Write(buffer, offset, count);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Written; set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
