namespace SpApi.Documents.Workflows;

/// <summary>
/// A report, feed or Data Kiosk query finished CANCELLED or FATAL. <see cref="ErrorDocumentText"/> holds the
/// error (or processing) document Amazon attached, decoded and truncated to <see cref="DocumentJobOptions.MaxErrorDocumentChars"/>.
/// </summary>
public sealed class DocumentJobFailedException(string kind, string id, DocumentJobStatus status, string? errorDocumentId, string? errorDocumentText)
    : Exception($"The {kind} {id} finished {status.ToString().ToUpperInvariant()}" +
        (errorDocumentText is { Length: > 0 } ? $": {Summarise(errorDocumentText)}" : errorDocumentId is null ? " without an error document." : $" (error document {errorDocumentId} could not be read)."))
{
    public string Kind { get; } = kind;
    public string Id { get; } = id;
    public DocumentJobStatus Status { get; } = status;
    public string? ErrorDocumentId { get; } = errorDocumentId;
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
    public string Kind { get; } = kind;
    public string Id { get; } = id;
    public DocumentJobStatus LastStatus { get; } = lastStatus;
    public TimeSpan Waited { get; } = waited;
}
