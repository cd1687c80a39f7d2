namespace SpApi.Documents.Workflows;

/// <summary>Processing status shared by reports, feeds and Data Kiosk queries.</summary>
public enum DocumentJobStatus
{
    /// <summary>A value this library does not know (a newer API); treated as still running.</summary>
    Unknown,

    /// <summary><c>IN_QUEUE</c>: accepted, not started.</summary>
    InQueue,

    /// <summary><c>IN_PROGRESS</c>: being processed.</summary>
    InProgress,

    /// <summary><c>DONE</c>: finished; its document can be downloaded (a Data Kiosk query may have found no data).</summary>
    Done,

    /// <summary><c>CANCELLED</c>: cancelled, or (reports) no data to return; no document.</summary>
    Cancelled,

    /// <summary><c>FATAL</c>: failed; an error or processing report document may explain why.</summary>
    Fatal,
}

/// <summary>One status check of a job, for progress reporting. <c>Kind</c> is <c>report</c>, <c>feed</c> or <c>query</c>.</summary>
public sealed record DocumentJobProgress(string Kind, string Id, DocumentJobStatus Status, string? RawStatus, TimeSpan Elapsed, int Polls);

internal static class DocumentJobStatuses
{
    /// <summary>Maps a generated status enum (same names in the three APIs) by name; null or new values are Unknown.</summary>
    public static DocumentJobStatus From(Enum? status) => status?.ToString() switch
    {
        "IN_QUEUE" => DocumentJobStatus.InQueue,
        "IN_PROGRESS" => DocumentJobStatus.InProgress,
        "DONE" => DocumentJobStatus.Done,
        "CANCELLED" => DocumentJobStatus.Cancelled,
        "FATAL" => DocumentJobStatus.Fatal,
        _ => DocumentJobStatus.Unknown,
    };

    public static bool IsFinished(this DocumentJobStatus status) => status is DocumentJobStatus.Done or DocumentJobStatus.Cancelled or DocumentJobStatus.Fatal;
}
