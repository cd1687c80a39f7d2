namespace SpApi.Cli;

/// <summary>A one-line progress bar on stderr when it is a terminal; silent otherwise (CI logs stay clean).</summary>
public sealed class ProgressBar(int total, TextWriter writer, bool enabled)
{
    private int _done;
    private int _lastPercent = -1;

    public static ProgressBar ForConsole(int total) =>
        new(total, Console.Error, !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);

    public void Advance(string? label = null)
    {
        var done = Interlocked.Increment(ref _done);
        if (!enabled || total <= 0) return;
        var percent = (int)(100L * done / total);
        if (percent == Volatile.Read(ref _lastPercent) && done != total) return;
        Volatile.Write(ref _lastPercent, percent);
        const int width = 30;
        var filled = width * percent / 100;
        lock (writer)
            writer.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} {label}".PadRight(79)[..79]);
        if (done == total) lock (writer) writer.WriteLine();
    }
}
