using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SpApi.Testing;

/// <summary>An ILogger that keeps formatted messages (and exception text) for assertions.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Id, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, EventId Id, string Text)> Entries => _entries.ToArray();

    public string AllText => string.Join("\n", _entries.Select(e => e.Text));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception) + (exception is null ? "" : " | " + exception);
        if (state is IEnumerable<KeyValuePair<string, object?>> fields)
            text += " | " + string.Join(", ", fields.Select(f => $"{f.Key}={f.Value}"));
        _entries.Enqueue((logLevel, eventId, text));
    }
}
