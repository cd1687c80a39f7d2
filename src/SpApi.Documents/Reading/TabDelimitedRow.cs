using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SpApi.Documents.Reading;

/// <summary>One data row of a tab-delimited report, keyed by the header line's column names (ordinal, case-sensitive).</summary>
public sealed class TabDelimitedRow : IReadOnlyDictionary<string, string>
{
    private readonly TabDelimitedHeader _header;
    private readonly string[] _values;

    internal TabDelimitedRow(TabDelimitedHeader header, string[] values, long lineNumber)
    {
        _header = header;
        _values = values;
        LineNumber = lineNumber;
    }

    /// <summary>1-based line in the document (the header is line 1).</summary>
    public long LineNumber { get; }

    /// <summary>The value of a column; a column missing from a short row is empty.</summary>
    public string this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"The report has no column '{key}' (columns: {string.Join(", ", _header.Names)}).");

    /// <summary>The header's column names, in document order.</summary>
    public IEnumerable<string> Keys => _header.Names;

    /// <summary>This row's values in column order; empty for columns a short row lacks.</summary>
    public IEnumerable<string> Values => _header.Names.Select((_, i) => i < _values.Length ? _values[i] : "");

    /// <summary>The number of header columns (the same for every row).</summary>
    public int Count => _header.Names.Count;

    /// <summary>True when the header has a column named <paramref name="key"/> (ordinal, case-sensitive).</summary>
    public bool ContainsKey(string key) => _header.IndexOf(key) >= 0;

    /// <summary>The value of column <paramref name="key"/> (empty when the row is short); false when the header has no such column.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = _header.IndexOf(key);
        if (i < 0) { value = null; return false; }
        value = i < _values.Length ? _values[i] : "";
        return true;
    }

    /// <summary>Column name and value pairs in column order.</summary>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        _header.Names.Select((name, i) => new KeyValuePair<string, string>(name, i < _values.Length ? _values[i] : "")).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Column names of a tab-delimited report, shared by its rows.</summary>
internal sealed class TabDelimitedHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public TabDelimitedHeader(string[] names)
    {
        Names = names;
        // A repeated column name keeps its first position (Amazon repeats none; a hostile body must not crash us).
        for (var i = 0; i < names.Length; i++) _index.TryAdd(names[i], i);
    }

    public IReadOnlyList<string> Names { get; }

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;
}
