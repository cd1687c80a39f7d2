using System.Net;
using System.Net.Http.Headers;

namespace SpApi.Documents.Download;

/// <summary>
/// The raw (still compressed) body of a storage object. When the connection breaks mid-body it asks again
/// for the rest (<c>Range: bytes=N-</c>, <c>If-Range</c> the first ETag) and carries on, so a decompressor
/// reading from it never notices. Only forward reads; nothing but the current buffer is held.
/// </summary>
internal sealed class ResumableDownloadStream : Stream
{
    private readonly HttpClient _http;
    private readonly DocumentLocation _location;
    private readonly DocumentDownloadOptions _options;
    private readonly TimeProvider _time;
    private readonly EntityTagHeaderValue? _etag;
    private HttpResponseMessage _response;
    private Stream _body;
    private long _position;
    private int _retries;

    private ResumableDownloadStream(HttpClient http, DocumentLocation location, DocumentDownloadOptions options, TimeProvider time,
        HttpResponseMessage response, Stream body, int retries)
    {
        _http = http;
        _location = location;
        _options = options;
        _time = time;
        _response = response;
        _body = body;
        _retries = retries;
        _etag = response.Headers.ETag;
        ContentType = response.Content.Headers.ContentType?.ToString();
        Length0 = response.Content.Headers.ContentLength;
    }

    public string? ContentType { get; }

    /// <summary>Content-Length of the first answer, when given.</summary>
    public long? Length0 { get; }

    /// <summary>Retries used so far (opening and resuming).</summary>
    public int Retries => _retries;

    public static async Task<ResumableDownloadStream> OpenAsync(HttpClient http, DocumentLocation location, DocumentDownloadOptions options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var retries = 0;
        while (true)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await http.SendAsync(StorageRequests.Get(location.Url, 0, null), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    return new ResumableDownloadStream(http, location, options, time, response, body, retries);
                }
                if (!StorageRequests.IsTransient(response.StatusCode) || retries >= options.MaxRetryAttempts)
                    throw StorageRequests.Failure(location.DocumentId, response, "Downloading");
            }
            catch (Exception e) when (e is not DocumentException && StorageRequests.IsTransient(e, cancellationToken) && retries < options.MaxRetryAttempts)
            {
                // retried below
            }
            catch (Exception e) when (e is not DocumentException && StorageRequests.IsTransient(e, cancellationToken))
            {
                response?.Dispose();
                throw new DocumentException($"Downloading document {location.DocumentId} failed after {retries + 1} attempts: {e.GetType().Name}.", e);
            }
            response?.Dispose();
            retries++;
            await Task.Delay(options.DelayFor(retries), time, cancellationToken);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                var read = await _body.ReadAsync(buffer, cancellationToken);
                _position += read;
                if (read == 0 && Length0 is { } length && _position < length)
                    throw new IOException($"The body ended after {_position} of {length} bytes.");
                return read;
            }
            catch (Exception e) when (StorageRequests.IsTransient(e, cancellationToken) && _retries < _options.MaxRetryAttempts)
            {
                await ResumeAsync(cancellationToken);
            }
            catch (Exception e) when (StorageRequests.IsTransient(e, cancellationToken))
            {
                throw new DocumentException($"Downloading document {_location.DocumentId} broke off after {_position} bytes and {_retries} retries: {e.GetType().Name}.", e);
            }
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        _retries++;
        await _body.DisposeAsync();
        _response.Dispose();
        await Task.Delay(_options.DelayFor(_retries), _time, cancellationToken);
        var response = await _http.SendAsync(StorageRequests.Get(_location.Url, _position, _etag), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == _position)
        {
            _response = response;
            _body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return;
        }
        var status = response.StatusCode;
        response.Dispose();
        if (StorageRequests.IsTransient(status)) throw new IOException($"Resuming answered HTTP {(int)status}.");
        // 200 (Range ignored, or the object changed under If-Range) or anything else: no safe way to continue.
        throw new DocumentException($"Downloading document {_location.DocumentId} broke off after {_position} bytes and could not be resumed (storage answered HTTP {(int)status}).")
        { StatusCode = (int)status };
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _body.DisposeAsync();
        _response.Dispose();
        await base.DisposeAsync();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
