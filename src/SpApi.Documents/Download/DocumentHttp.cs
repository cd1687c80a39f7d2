using System.Net;

namespace SpApi.Documents.Download;

/// <summary>The HTTP client for presigned storage URLs: plain sockets behind <see cref="StorageHeaderGuard"/>, no SP-API pipeline.</summary>
public static class DocumentHttp
{
    /// <summary>Name of the <c>IHttpClientFactory</c> client registered by <c>AddSpApiDocuments</c>.</summary>
    public const string ClientName = "SpApi.Documents.Storage";

    /// <summary>
    /// A handler chain for storage: no automatic decompression (GZIP is undone by the downloader, and a
    /// broken body is resumed by byte range, which needs the raw bytes), no cookies, redirects not followed
    /// (a presigned URL never redirects; following one could send the signed request elsewhere).
    /// </summary>
    public static HttpMessageHandler CreateHandler(HttpMessageHandler? transport = null) => new StorageHeaderGuard
    {
        InnerHandler = transport ?? new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        },
    };

    /// <summary>A standalone storage client (timeout infinite: large documents take long; cancel with the token).</summary>
    public static HttpClient CreateStorageClient(HttpMessageHandler? transport = null) =>
        new(CreateHandler(transport)) { Timeout = Timeout.InfiniteTimeSpan };
}
