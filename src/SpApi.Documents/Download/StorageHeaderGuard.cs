namespace SpApi.Documents.Download;

/// <summary>
/// Last handler before the socket on the storage client: refuses to send a request to a document URL if it
/// carries any SP-API credential or application header (a misconfigured client must fail loudly, not leak
/// a token to a storage host). Presigned URLs carry their own authorisation.
/// </summary>
public sealed class StorageHeaderGuard : DelegatingHandler
{
    /// <summary>Headers that belong to SP-API calls only.</summary>
    public static readonly IReadOnlyList<string> ForbiddenHeaders =
        ["x-amz-access-token", "x-amz-date", "Authorization", "x-spapi-sandbox-case"];

    /// <summary>Sends the request on, unless it carries a header from <see cref="ForbiddenHeaders"/> or the SP-API application User-Agent.</summary>
    /// <exception cref="InvalidOperationException">The request carries an SP-API header; nothing was sent.</exception>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var name in ForbiddenHeaders)
        {
            if (request.Headers.Contains(name))
                throw new InvalidOperationException($"Refusing to send the SP-API header '{name}' to a document storage URL ({request.RequestUri?.Host}): use a storage client without the SP-API pipeline.");
        }
        if (request.Headers.UserAgent.Any(p => p.Comment?.Contains("Language=", StringComparison.Ordinal) == true))
            throw new InvalidOperationException($"Refusing to send the SP-API application User-Agent to a document storage URL ({request.RequestUri?.Host}).");
        return base.SendAsync(request, cancellationToken);
    }
}
