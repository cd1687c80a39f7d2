using System.Net.Http.Headers;
using SpApi.Documents.Download;

namespace SpApi.Documents.Upload;

/// <summary>
/// Uploads a feed document to the presigned URL from createFeedDocument: <c>PUT</c> with exactly the content type
/// given to createFeedDocument (the signature covers it) and a Content-Length (storage refuses chunked uploads).
/// A PUT to the same presigned URL replaces the same object, so a transient failure (or an ambiguous one: the
/// connection broke and we cannot know whether storage kept the bytes) is retried with the same bytes; nothing
/// is submitted for processing until createFeed, so a retried upload can never duplicate a feed.
/// </summary>
public sealed class DocumentUploader
{
    private readonly HttpClient _http;
    private readonly DocumentDownloadOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Uploads through <paramref name="storageClient"/>, which must not be an SP-API pipeline client (see <see cref="DocumentHttp.CreateStorageClient"/>); retries per <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    public DocumentUploader(HttpClient storageClient, DocumentDownloadOptions? options = null, TimeProvider? timeProvider = null)
    {
        _http = storageClient ?? throw new ArgumentNullException(nameof(storageClient));
        _options = options ?? new DocumentDownloadOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Uploads <paramref name="content"/> from its current position. A non-seekable stream is first spooled to a temporary file.</summary>
    /// <exception cref="DocumentException">Storage refused the upload or kept failing past the retry limit.</exception>
    public async Task<long> UploadAsync(string feedDocumentId, Uri url, string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feedDocumentId);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentNullException.ThrowIfNull(content);
        new DocumentLocation(feedDocumentId, url).Validate();
        if (!content.CanSeek)
        {
            await using var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await content.CopyToAsync(spool, cancellationToken);
            spool.Position = 0;
            return await UploadSeekableAsync(feedDocumentId, url, contentType, spool, cancellationToken);
        }
        return await UploadSeekableAsync(feedDocumentId, url, contentType, content, cancellationToken);
    }

    private async Task<long> UploadSeekableAsync(string feedDocumentId, Uri url, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var start = content.Position;
        var length = content.Length - start;
        for (var retries = 0; ; retries++)
        {
            content.Position = start;
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new NonDisposingContent(content, length) };
            // Byte-exact: a reformatted header (e.g. a normalised charset) would not match the presigned signature.
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.IsSuccessStatusCode) return length;
                if (!StorageRequests.IsTransient(response.StatusCode) || retries >= _options.MaxRetryAttempts)
                    throw StorageRequests.Failure(feedDocumentId, response, "Uploading");
            }
            catch (Exception e) when (e is not DocumentException && StorageRequests.IsTransient(e, cancellationToken))
            {
                if (retries >= _options.MaxRetryAttempts)
                    throw new DocumentException($"Uploading document {feedDocumentId} failed after {retries + 1} attempts: {e.GetType().Name}. No feed was created; upload again or ask for a new feed document.", e);
            }
            await Task.Delay(_options.DelayFor(retries + 1), _time, cancellationToken);
        }
    }

    /// <summary>Streams the caller's content without disposing it, so a retry can rewind and send it again.</summary>
    private sealed class NonDisposingContent(Stream content, long length) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            var buffer = new byte[81920];
            var left = length;
            while (left > 0)
            {
                var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
                if (read == 0) throw new IOException("The feed content ended before its length.");
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                left -= read;
            }
        }

        protected override bool TryComputeLength(out long result)
        {
            result = length;
            return true;
        }
    }
}
