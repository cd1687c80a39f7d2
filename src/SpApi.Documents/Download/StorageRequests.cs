using System.Net;
using System.Net.Http.Headers;

namespace SpApi.Documents.Download;

/// <summary>Requests to presigned storage URLs and which of their failures are worth another attempt.</summary>
internal static class StorageRequests
{
    public static HttpRequestMessage Get(Uri url, long offset, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
            // Resume only the same object: a changed one answers 200 with the whole new body, which is refused.
            if (etag is not null) request.Headers.IfRange = new RangeConditionHeaderValue(etag);
        }
        return request;
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Network-level failures (not the caller's cancellation).</summary>
    public static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException => true,
        IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // HttpClient.Timeout
        _ => false,
    };

    /// <summary>A storage error without its body (S3 error XML may echo the request) or URL.</summary>
    public static DocumentException Failure(string documentId, HttpResponseMessage response, string what) =>
        new($"{what} document {documentId} failed: storage answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}" +
            (response.StatusCode == HttpStatusCode.Forbidden ? " (the presigned URL may have expired: ask SP-API for the document again)." : "."))
        { StatusCode = (int)response.StatusCode };
}
