namespace SpApi.Auth.Tests.Resilience.Support;

/// <summary>A response body that records whether it was disposed.</summary>
internal sealed class TrackedContent() : StringContent("{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota.\"}]}")
{
    public bool Disposed { get; private set; }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>A request body stream that can be read only once (not seekable), like a network or file pipe.</summary>
internal sealed class OneShotStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;
    public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
}
