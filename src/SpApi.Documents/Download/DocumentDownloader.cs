using System.IO.Compression;

namespace SpApi.Documents.Download;

/// <summary>
/// Downloads report, feed-result and Data Kiosk documents from their presigned storage URLs, streaming:
/// decompresses per <c>compressionAlgorithm</c>, decodes per the Content-Type charset, retries transient
/// failures (resuming a broken body with a Range request). The <see cref="HttpClient"/> must not be an
/// SP-API pipeline client: storage URLs get no SP-API token, RDT or application header (use
/// <see cref="DocumentHttp.CreateStorageClient"/> or <c>AddSpApiDocuments</c>).
/// </summary>
public sealed class DocumentDownloader
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <summary>Downloads through <paramref name="storageClient"/>, which must not be an SP-API pipeline client (see <see cref="DocumentHttp.CreateStorageClient"/>); retries and decodes per <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    public DocumentDownloader(HttpClient storageClient, DocumentDownloadOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(storageClient);
        Options = options ?? new DocumentDownloadOptions();
        Options.Validate();
        _http = storageClient;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The validated options in use (retries, fallback encoding, buffer and line limits).</summary>
    public DocumentDownloadOptions Options { get; }

    /// <summary>Opens the document for streaming. The caller reads <see cref="DocumentContent.Content"/> and disposes it.</summary>
    /// <exception cref="DocumentException">Storage refused, or kept failing past the retry limit.</exception>
    public async Task<DocumentContent> OpenAsync(DocumentLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        location.Validate();
        var raw = await ResumableDownloadStream.OpenAsync(_http, location, Options, _time, cancellationToken);
        try
        {
            var encoding = DocumentEncodings.FromContentType(raw.ContentType, Options.FallbackEncoding);
            Stream content = location.IsGzip
                ? new DocumentBodyStream(new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true), location.DocumentId, disposeInner: true)
                : new DocumentBodyStream(raw, location.DocumentId, disposeInner: false);
            return new DocumentContent(location, raw, content, encoding);
        }
        catch
        {
            await raw.DisposeAsync();
            throw;
        }
    }

    /// <summary>Copies the decompressed bytes into <paramref name="destination"/> (not closed).</summary>
    public async Task<DocumentDownloadResult> DownloadToAsync(DocumentLocation location, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var document = await OpenAsync(location, cancellationToken);
        var bytes = await CopyAsync(document, destination, cancellationToken);
        return new DocumentDownloadResult(location.DocumentId, bytes, document.RawBytesRead, document.ContentType, document.Encoding.WebName, document.Retries);
    }

    /// <summary>
    /// Writes the decompressed document to <paramref name="path"/>: into a temporary file beside it, moved into
    /// place only when complete (a failed download never leaves a truncated file under the name).
    /// </summary>
    public async Task<DocumentDownloadResult> DownloadToFileAsync(DocumentLocation location, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return await WriteWholeAsync(path, async temporary =>
        {
            await using var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, Options.BufferSize, useAsync: true);
            return await DownloadToAsync(location, file, cancellationToken);
        });
    }

    /// <summary>
    /// Decodes the document per its charset and writes the text to <paramref name="path"/> in <paramref name="target"/>
    /// (UTF-8 without BOM when null), streaming; the file appears only when complete. Returns the characters written.
    /// </summary>
    public async Task<long> DownloadTextToFileAsync(DocumentLocation location, string path, System.Text.Encoding? target = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return await WriteWholeAsync(path, async temporary =>
        {
            long chars = 0;
            await using var document = await OpenAsync(location, cancellationToken);
            using var reader = document.OpenText();
            await using var writer = new StreamWriter(temporary, false, target ?? new System.Text.UTF8Encoding(false), Options.BufferSize);
            var buffer = new char[Options.BufferSize / 2];
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                chars += read;
            }
            return chars;
        });
    }

    /// <summary>Runs <paramref name="write"/> on a temporary file beside <paramref name="path"/>, moved into place only when it completes.</summary>
    private static async Task<T> WriteWholeAsync<T>(string path, Func<string, Task<T>> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".part";
        try
        {
            var result = await write(temporary);
            File.Move(temporary, full, overwrite: true);
            return result;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private async Task<long> CopyAsync(DocumentContent document, Stream destination, CancellationToken cancellationToken)
    {
        var before = document.Content.Position;
        await document.Content.CopyToAsync(destination, Options.BufferSize, cancellationToken);
        return document.Content.Position - before;
    }
}
