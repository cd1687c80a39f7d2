using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SpApi.Cli.Bench.Faults;

/// <summary>
/// Keeps every log entry as a structured sink would export it: the formatted message, each state value
/// (collections such as HttpHeaders walked item by item), the scopes and the exception.
/// </summary>
internal sealed class LogStateRecorder : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Entries { get; } = new();

    /// <summary>Entries holding any of <paramref name="secrets"/>, with the secret cut out (so they can be shown).</summary>
    public IReadOnlyList<string> Leaks(IEnumerable<string> secrets)
    {
        var list = secrets.ToArray();
        return Entries.SelectMany(e => list.Where(s => e.Contains(s, StringComparison.Ordinal)).Select(s => e.Replace(s, "<SECRET>", StringComparison.Ordinal))).ToArray();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>Every value reachable from <paramref name="value"/> as text: enumerables item by item, pairs key and value.</summary>
    public static void Flatten(object? value, StringBuilder into, int depth = 0)
    {
        if (value is null || depth > 6) return;
        if (value is string s) { into.Append(s).Append(' '); return; }
        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            Flatten(type.GetProperty("Key")!.GetValue(value), into, depth + 1);
            Flatten(type.GetProperty("Value")!.GetValue(value), into, depth + 1);
            return;
        }
        into.Append(value).Append(' ');
        if (value is IEnumerable items)
            foreach (var item in items) Flatten(item, into, depth + 1);
    }

    private sealed class Logger(string category, LogStateRecorder owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var sb = new StringBuilder($"{logLevel} {category} {eventId}: {formatter(state, exception)} | ");
            Flatten(state, sb);
            owner._scopes.ForEachScope((scope, b) => Flatten(scope, b), sb);
            sb.Append(exception);
            owner.Entries.Enqueue(sb.ToString());
        }
    }
}
