using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// Reads the body of a non-2xx SP-API answer once, at most <see cref="MaxBytes"/> (1 MB), into memory, so the error
/// handling above (token rejection check, generated client, <see cref="SpApiException"/>) never holds more. A longer
/// body, or one cut off by a reset connection, is kept up to the cut and marked with the
/// <see cref="SpApiException.BodyTruncatedHeader"/> response header (surfaced as <see cref="SpApiException.BodyTruncated"/>).
/// </summary>
public static class ErrorBodyLimit
{
    /// <summary>Most bytes of an error body kept: 1 MB (SP-API error bodies are a few hundred bytes).</summary>
    public const int MaxBytes = 1024 * 1024;

    // Not async on the success path: an async method costs start-up JIT time even when it completes at once.
    internal static Task<HttpResponseMessage> ApplyAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode || response.Content is null or ByteArrayContent
            ? Task.FromResult(response)
            : BoundAsync(response, cancellationToken);

    // On failure (e.g. cancelled while reading) the response is disposed: the caller never gets it to dispose.
    private static async Task<HttpResponseMessage> BoundAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        (byte[] Bytes, int Length, string? Cut) read;
        try
        {
            read = await ReadBoundedAsync(original, MaxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        var (bytes, length, cut) = read;
        var bounded = new ByteArrayContent(bytes, 0, length);
        foreach (var header in original.Headers)
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                bounded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = bounded;
        original.Dispose();
        if (cut is not null) response.Headers.TryAddWithoutValidation(SpApiException.BodyTruncatedHeader, cut);
        return response;
    }

    /// <summary>Up to <paramref name="max"/> bytes of <paramref name="content"/>; <c>cut</c> says why it stopped early, else null.</summary>
    internal static async Task<(byte[] Bytes, int Length, string? Cut)> ReadBoundedAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var buffer = new byte[(int)Math.Min(declared is > 0 ? declared.Value : 16 * 1024, max)];
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= max)
                    {
                        // One more byte tells "exactly max" from "longer".
                        var probe = new byte[1];
                        return await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0
                            ? (buffer, length, null)
                            : (buffer, length, $"cut at {max} bytes");
                    }
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, max));
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) return (buffer, length, null);
                length += read;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return (buffer, length, $"connection ended after {length} bytes");
        }
    }
}
