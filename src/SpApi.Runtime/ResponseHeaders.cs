using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SpApi.Runtime;

/// <summary>
/// The headers of a response (message headers, then content headers, a later name replacing an earlier
/// one) as generated clients hand them to <see cref="SpApiException"/>, copied only when first read.
/// A successful call never reads them, so it no longer pays for a dictionary and one string array per
/// header; an error reads them while the response is still open and the copy then drops the response.
/// </summary>
public sealed class ResponseHeaders(HttpResponseMessage response) : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private HttpResponseMessage? _response = response ?? throw new ArgumentNullException(nameof(response));
    private Dictionary<string, IEnumerable<string>>? _copy;

    /// <summary>True once the headers have been copied (for tests and diagnostics).</summary>
    internal bool IsCopied => _copy is not null;

    private Dictionary<string, IEnumerable<string>> Copy
    {
        get
        {
            if (_copy is { } copy) return copy;
            var source = _response!;
            copy = new Dictionary<string, IEnumerable<string>>();
            foreach (var (name, values) in source.Headers) copy[name] = values;
            if (source.Content is { } content)
                foreach (var (name, values) in content.Headers) copy[name] = values;
            _copy = copy;
            _response = null;
            return copy;
        }
    }

    /// <inheritdoc/>
    public IEnumerable<string> this[string key] => Copy[key];
    /// <inheritdoc/>
    public IEnumerable<string> Keys => Copy.Keys;
    /// <inheritdoc/>
    public IEnumerable<IEnumerable<string>> Values => Copy.Values;
    /// <inheritdoc/>
    public int Count => Copy.Count;
    /// <inheritdoc/>
    public bool ContainsKey(string key) => Copy.ContainsKey(key);
    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => Copy.TryGetValue(key, out value);
    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Copy.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
