namespace SpApi.Auth.Tests.Hardening;

/// <summary>A body of <c>length</c> bytes produced on demand (never allocated), optionally failing after <c>failAfter</c> bytes.</summary>
internal sealed class HostileStream(long length, long failAfter = long.MaxValue) : Stream
{
    public long Served { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (Served >= failAfter) throw new IOException("connection reset by peer");
        var n = (int)Math.Min(count, Math.Min(length, failAfter) - Served);
        buffer.AsSpan(offset, n).Fill((byte)' ');   // JSON whitespace: a parser keeps reading until the reset
        Served += n;
        return n;
    }

    public static HttpContent Content(long length, long failAfter = long.MaxValue) => new StreamContent(new HostileStream(length, failAfter));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Served; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
