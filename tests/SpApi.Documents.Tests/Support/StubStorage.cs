using System.Net;
using System.Net.Http.Headers;

namespace SpApi.Documents.Tests.Support;

/// <summary>
/// In-memory storage transport: serves one body with a Content-Type, honours <c>Range: bytes=N-</c> (206), can fail
/// the first attempts with a status or cut a body short after some bytes, and records every request's headers.
/// </summary>
internal sealed class StubStorage(byte[] body, string? contentType) : HttpMessageHandler
{
    public Queue<HttpStatusCode> FailFirst { get; } = new();

    /// <summary>The first response body throws IOException after this many bytes (null: never).</summary>
    public int? CutAfter { get; set; }

    public bool HonourRange { get; set; } = true;

    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (FailFirst.TryDequeue(out var status)) return Task.FromResult(new HttpResponseMessage(status));
        var offset = HonourRange && request.Headers.Range?.Ranges.FirstOrDefault()?.From is { } from ? (int)from : 0;
        Stream stream = new MemoryStream(body, offset, body.Length - offset);
        if (CutAfter is { } cut)
        {
            stream = new CuttingStream(stream, cut);
            CutAfter = null;
        }
        var response = new HttpResponseMessage(offset > 0 ? HttpStatusCode.PartialContent : HttpStatusCode.OK) { Content = new StreamContent(stream) };
        response.Content.Headers.ContentLength = body.Length - offset;
        if (contentType is not null) response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        response.Headers.ETag = new EntityTagHeaderValue("\"v1\"");
        if (offset > 0) response.Content.Headers.ContentRange = new ContentRangeHeaderValue(offset, body.Length - 1, body.Length);
        return Task.FromResult(response);
    }

    private sealed class CuttingStream(Stream inner, int cut) : Stream
    {
        private int _read;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= cut) throw new IOException("connection reset (test)");
            var n = inner.Read(buffer, offset, Math.Min(count, cut - _read));
            _read += n;
            return n;
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
}
