using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace SpApi.Sandbox.Documents;

/// <summary>
/// The sandbox's stand-in for Amazon's document storage: presigned-style URLs (<c>/_sandbox/documents/{id}?X-Amz-Expires=…&amp;X-Amz-Signature=…</c>)
/// that expire on the sandbox clock, GET with byte ranges, and PUT uploads whose Content-Type must be exactly the
/// one given to createFeedDocument (it is part of the signature, as with S3). A request carrying an SP-API token is
/// refused (400) and counted: storage must never see one.
/// </summary>
public sealed class DocumentHost
{
    /// <summary>Where the sandbox serves and accepts documents.</summary>
    public const string PathPrefix = "/_sandbox/documents/";
    private static readonly string[] SpApiHeaders = ["x-amz-access-token", "x-amz-date", "Authorization"];

    private readonly ConcurrentDictionary<string, SandboxDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxUpload> _uploads = new(StringComparer.Ordinal);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly SandboxDocumentOptions _options;
    private readonly TimeProvider _time;
    private long _downloads;
    private long _uploadsReceived;
    private long _refusedWithSpApiHeaders;

    internal DocumentHost(SandboxDocumentOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Successful document downloads (whole or ranged).</summary>
    public long Downloads => Interlocked.Read(ref _downloads);

    /// <summary>Accepted feed uploads.</summary>
    public long UploadsReceived => Interlocked.Read(ref _uploadsReceived);

    /// <summary>Storage requests refused because they carried an SP-API token, date or Authorization header.</summary>
    public long RefusedWithSpApiHeaders => Interlocked.Read(ref _refusedWithSpApiHeaders);

    /// <summary>The bytes uploaded for a feed document, or null.</summary>
    public byte[]? UploadedBody(string feedDocumentId) => _uploads.TryGetValue(feedDocumentId, out var u) ? u.Body : null;

    internal SandboxDocument? Find(string id) => _documents.TryGetValue(id, out var d) ? d : null;

    internal void Add(SandboxDocument document) => _documents[document.Id] = document;

    internal SandboxUpload AddUpload(string id, string contentType) => _uploads[id] = new SandboxUpload(id, contentType);

    internal SandboxUpload? FindUpload(string id) => _uploads.TryGetValue(id, out var u) ? u : null;

    /// <summary>A URL valid for <see cref="SandboxDocumentOptions.UrlLifetime"/> for one method on one document.</summary>
    internal string UrlFor(Uri baseAddress, string id, string method)
    {
        var expires = _time.GetUtcNow().Add(_options.UrlLifetime).ToUnixTimeSeconds();
        return $"{baseAddress.GetLeftPart(UriPartial.Authority)}{PathPrefix}{Uri.EscapeDataString(id)}?X-Amz-Expires={expires}&X-Amz-Signature={Sign(id, method, expires)}";
    }

    internal async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var id = Uri.UnescapeDataString(request.Path.Value![PathPrefix.Length..]);
        if (SpApiHeaders.Any(h => request.Headers.ContainsKey(h)))
        {
            Interlocked.Increment(ref _refusedWithSpApiHeaders);
            await ErrorAsync(context, 400, "InvalidArgument", "SP-API credentials must not be sent to document storage.");
            return;
        }
        var method = request.Method.ToUpperInvariant();
        if (method is not ("GET" or "PUT"))
        {
            await ErrorAsync(context, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            return;
        }
        if (!long.TryParse(request.Query["X-Amz-Expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(request.Query["X-Amz-Signature"].ToString()), Encoding.ASCII.GetBytes(Sign(id, method, expires))))
        {
            await ErrorAsync(context, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
            return;
        }
        if (_time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            await ErrorAsync(context, 403, "AccessDenied", "Request has expired");
            return;
        }
        if (method == "PUT") await UploadAsync(context, id);
        else await DownloadAsync(context, id);
    }

    private async Task DownloadAsync(HttpContext context, string id)
    {
        if (Find(id) is not { } document)
        {
            await ErrorAsync(context, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        var response = context.Response;
        response.ContentType = document.ContentType;
        response.Headers.ETag = document.ETag;
        response.Headers.AcceptRanges = "bytes";
        var from = RangeStart(context.Request, document);
        if (from is { } start && start >= document.Body.Length)
        {
            await ErrorAsync(context, 416, "InvalidRange", "The requested range is not satisfiable");
            return;
        }
        var offset = from ?? 0;
        if (from is not null)
        {
            response.StatusCode = 206;
            response.Headers.ContentRange = $"bytes {offset}-{document.Body.Length - 1}/{document.Body.Length}";
        }
        response.ContentLength = document.Body.Length - offset;
        Interlocked.Increment(ref _downloads);
        await response.Body.WriteAsync(document.Body.AsMemory((int)offset), context.RequestAborted);
    }

    /// <summary><c>bytes=N-</c> honoured when If-Range (if any) names the current ETag; otherwise the whole body.</summary>
    private static long? RangeStart(HttpRequest request, SandboxDocument document)
    {
        var range = request.Headers.Range.ToString();
        if (!range.StartsWith("bytes=", StringComparison.Ordinal) || !range.EndsWith('-')) return null;
        var ifRange = request.Headers.IfRange;
        if (!StringValues.IsNullOrEmpty(ifRange) && ifRange.ToString() != document.ETag) return null;
        return long.TryParse(range.AsSpan(6, range.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null;
    }

    private async Task UploadAsync(HttpContext context, string id)
    {
        if (FindUpload(id) is not { } upload)
        {
            await ErrorAsync(context, 404, "NoSuchUpload", "No feed document with this id was created.");
            return;
        }
        if (!string.Equals(context.Request.ContentType, upload.ContentType, StringComparison.Ordinal))
        {
            await ErrorAsync(context, 403, "SignatureDoesNotMatch",
                $"The Content-Type '{context.Request.ContentType}' is not the one given to createFeedDocument ('{upload.ContentType}').");
            return;
        }
        if (context.Request.ContentLength is not { } length)
        {
            await ErrorAsync(context, 411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
            return;
        }
        if (length > _options.MaxUploadBytes)
        {
            await ErrorAsync(context, 400, "EntityTooLarge", $"Your proposed upload exceeds the maximum allowed size ({_options.MaxUploadBytes} bytes).");
            return;
        }
        var body = new byte[length];
        try
        {
            await context.Request.Body.ReadExactlyAsync(body, context.RequestAborted);
        }
        catch (EndOfStreamException)
        {
            await ErrorAsync(context, 400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header.");
            return;
        }
        upload.Body = body;
        Interlocked.Increment(ref _uploadsReceived);
        context.Response.StatusCode = 200;
        context.Response.Headers.ETag = "\"" + Convert.ToHexStringLower(MD5.HashData(body)) + "\"";
    }

    private string Sign(string id, string method, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{method}\n{id}\n{expires}")));

    /// <summary>S3's XML error shape.</summary>
    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message></Error>", context.RequestAborted);
    }
}
