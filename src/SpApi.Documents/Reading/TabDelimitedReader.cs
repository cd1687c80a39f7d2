using System.Runtime.CompilerServices;
using SpApi.Documents.Download;

namespace SpApi.Documents.Reading;

/// <summary>Rows of a tab-delimited (flat file) report, streamed: one line in memory at a time.</summary>
public static class TabDelimitedReader
{
    /// <summary>Reads the header line, then yields each non-empty line as a row keyed by the header.</summary>
    /// <exception cref="DocumentException">A line exceeds <paramref name="maxLineLength"/>.</exception>
    public static async IAsyncEnumerable<TabDelimitedRow> ReadAsync(TextReader text, int maxLineLength = 1024 * 1024,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new BoundedLineReader(text, maxLineLength);
        var headerLine = await lines.ReadLineAsync(cancellationToken);
        if (headerLine is null) yield break;
        var header = new TabDelimitedHeader(headerLine.TrimStart('\uFEFF').Split('\t'));
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0) continue;
            yield return new TabDelimitedRow(header, line.Split('\t'), lines.LineNumber);
        }
    }

    /// <summary>Downloads a tab-delimited report and yields its rows as they arrive.</summary>
    public static async IAsyncEnumerable<TabDelimitedRow> ReadRowsAsync(this DocumentDownloader downloader, DocumentLocation location,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(downloader);
        await using var document = await downloader.OpenAsync(location, cancellationToken);
        using var text = document.OpenText();
        await foreach (var row in ReadAsync(text, downloader.Options.MaxLineLength, cancellationToken))
            yield return row;
    }
}
