using SpApi.Documents.Download;

namespace SpApi.Documents.Workflows;

/// <summary>Reads the (small) error or processing document of a failed job into text, bounded.</summary>
internal static class ErrorDocuments
{
    public static async Task<string?> ReadTextAsync(DocumentDownloader downloader, Func<CancellationToken, Task<DocumentLocation>> locate,
        int maxChars, CancellationToken cancellationToken)
    {
        try
        {
            var location = await locate(cancellationToken);
            await using var document = await downloader.OpenAsync(location, cancellationToken);
            using var text = document.OpenText();
            var buffer = new char[Math.Min(maxChars, 64 * 1024)];
            var result = new System.Text.StringBuilder();
            int read;
            while (result.Length < maxChars && (read = await text.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, maxChars - result.Length)), cancellationToken)) > 0)
                result.Append(buffer, 0, read);
            return result.ToString();
        }
        catch (Exception e) when (e is DocumentException or Runtime.SpApiException)
        {
            // The failure itself is what the caller needs; an unreadable error document must not hide it.
            return null;
        }
    }
}
