using System.Text;

namespace SpApi.Documents.Reading;

/// <summary>Reads lines (LF or CRLF) from text, refusing any line longer than a limit so a hostile body cannot exhaust memory.</summary>
internal sealed class BoundedLineReader(TextReader text, int maxLineLength)
{
    private readonly char[] _buffer = new char[32 * 1024];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _eof;

    public long LineNumber { get; private set; }

    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        while (true)
        {
            if (_start == _end)
            {
                if (_eof) return Finish(atEnd: true);
                _end = await text.ReadAsync(_buffer.AsMemory(), cancellationToken);
                _start = 0;
                if (_end == 0) { _eof = true; return Finish(atEnd: true); }
            }
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            if (_line.Length + (stop - _start) > maxLineLength)
                throw new Download.DocumentException($"Line {LineNumber + 1} is longer than {maxLineLength} characters; raise DocumentDownloadOptions.MaxLineLength if the document is genuine.");
            _line.Append(_buffer, _start, stop - _start);
            if (newline < 0) { _start = _end; continue; }
            _start = newline + 1;
            return Finish(atEnd: false);
        }
    }

    private string? Finish(bool atEnd)
    {
        if (atEnd && _line.Length == 0) return null;
        LineNumber++;
        if (_line.Length > 0 && _line[^1] == '\r') _line.Length--;
        return _line.ToString();
    }
}
