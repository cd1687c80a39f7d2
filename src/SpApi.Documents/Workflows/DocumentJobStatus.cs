namespace SpApi.Documents.Workflows;

/// <summary>Processing status shared by reports, feeds and Data Kiosk queries.</summary>
public enum DocumentJobStatus
{
    /// <summary>A value this library does not know (a newer API); treated as still running.</summary>
    Unknown,
    InQueue,
    InProgress,
    Done,
    Cancelled,
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
