namespace SpApi.Documents.Workflows;

/// <summary>
/// A report, feed or Data Kiosk query finished CANCELLED or FATAL. <see cref="ErrorDocumentText"/> holds the
/// error (or processing) document Amazon attached, decoded and truncated to <see cref="DocumentJobOptions.MaxErrorDocumentChars"/>.
/// </summary>
public sealed class DocumentJobFailedException(string kind, string id, DocumentJobStatus status, string? errorDocumentId, string? errorDocumentText)
    : Exception($"The {kind} {id} finished {status.ToString().ToUpperInvariant()}" +
        (errorDocumentText is { Length: > 0 } ? $": {Summarise(errorDocumentText)}" : errorDocumentId is null ? " without an error document." : $" (error document {errorDocumentId} could not be read)."))
{
    /// <summary><c>report</c>, <c>feed</c> or <c>query</c>.</summary>
    public string Kind { get; } = kind;

    /// <summary>The report, feed or query id.</summary>
    public string Id { get; } = id;

    /// <summary>The final status: <see cref="DocumentJobStatus.Cancelled"/> or <see cref="DocumentJobStatus.Fatal"/>.</summary>
    public DocumentJobStatus Status { get; } = status;

    /// <summary>The error (reports, Data Kiosk) or processing report (feeds) document Amazon attached, if any.</summary>
    public string? ErrorDocumentId { get; } = errorDocumentId;

    /// <summary>That document's text, decoded and truncated; null when there was none or it could not be read.</summary>
    public string? ErrorDocumentText { get; } = errorDocumentText;

    private static string Summarise(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}

/// <summary>The job did not finish within <see cref="DocumentJobOptions.MaxWait"/>. It keeps running at Amazon: resume it by <see cref="Id"/>.</summary>
public sealed class DocumentJobTimeoutException(string kind, string id, DocumentJobStatus lastStatus, TimeSpan waited)
    : TimeoutException($"The {kind} {id} was still {lastStatus} after {waited.TotalSeconds:0} s; resume it later with its id.")
{
    /// <summary><c>report</c>, <c>feed</c> or <c>query</c>.</summary>
    public string Kind { get; } = kind;

    /// <summary>The report, feed or query id to resume with (<c>WaitAsync</c>).</summary>
    public string Id { get; } = id;

    /// <summary>The status seen at the last check.</summary>
    public DocumentJobStatus LastStatus { get; } = lastStatus;

    /// <summary>How long this call polled before giving up.</summary>
    public TimeSpan Waited { get; } = waited;
}
