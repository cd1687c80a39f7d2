using SpApi.Documents.Workflows;

namespace SpApi.Cli.Documents;

/// <summary>Job status on one rewritten line when stderr is a terminal; one line per status change otherwise.</summary>
internal sealed class JobProgressLine(TextWriter writer, bool terminal) : IProgress<DocumentJobProgress>
{
    private string? _last;

    public static JobProgressLine ForConsole(TextWriter error) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);

    public void Report(DocumentJobProgress value)
    {
        var status = value.RawStatus ?? value.Status.ToString();
        var line = $"{value.Kind} {value.Id}: {status} (poll {value.Polls}, {value.Elapsed.TotalSeconds:0.0} s)";
        lock (writer)
        {
            if (terminal)
            {
                writer.Write("\r" + line.PadRight(79));
                if (value.Status.IsFinishedStatus()) writer.WriteLine();
            }
            else if (status != _last)
            {
                writer.WriteLine(line);
            }
        }
        _last = status;
    }
}

internal static class DocumentJobStatusExtensions
{
    public static bool IsFinishedStatus(this DocumentJobStatus status) => status is DocumentJobStatus.Done or DocumentJobStatus.Cancelled or DocumentJobStatus.Fatal;
}
