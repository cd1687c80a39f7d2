using System.Runtime.CompilerServices;

namespace SpApi.Runtime.Paging;

/// <summary>
/// The loop behind every generated <c>…PagesAsync</c> / <c>…ItemsAsync</c> method: fetch a page, read its
/// next token, stop when the token is absent or empty, fail with <see cref="SpApiPaginationException"/> when
/// a token comes back a second time. Each page is an ordinary call of the one-page method, so it runs through
/// the whole pipeline (rate limiter, retries, auth) like any other request.
/// </summary>
public static class SpApiPaging
{
    /// <summary>Streams the pages of <paramref name="operation"/>.</summary>
    /// <param name="operation">The paginated operation (named in errors).</param>
    /// <param name="fetchPage">Calls the one-page method with the given token (null for the first page).</param>
    /// <param name="nextToken">Reads the next token from a page (null when the page or its parents are null).</param>
    /// <param name="cancellationToken">Stops the stream between pages and cancels the page in flight.</param>
    public static async IAsyncEnumerable<TPage> PagesAsync<TPage>(
        OperationMetadata operation,
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(nextToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 1; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            yield return result;
            token = result is null ? null : nextToken(result);
            if (string.IsNullOrEmpty(token)) yield break;
            if (!seen.Add(token)) throw new SpApiPaginationException(operation, page);
        }
    }

    /// <summary>Flattens pages into their items; a page whose list is null counts as empty.</summary>
    public static async IAsyncEnumerable<TItem> ItemsAsync<TPage, TItem>(
        IAsyncEnumerable<TPage> pages,
        Func<TPage, IEnumerable<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(items);
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (page is null || items(page) is not { } list) continue;
            foreach (var item in list)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }
}
