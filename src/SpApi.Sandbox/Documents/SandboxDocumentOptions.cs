namespace SpApi.Sandbox.Documents;

/// <summary>
/// How the sandbox simulates report, feed and Data Kiosk jobs and hosts their documents (see <see cref="SandboxOptions.Documents"/>).
/// </summary>
public sealed class SandboxDocumentOptions
{
    /// <summary>Key of <see cref="FinalStatuses"/> for Data Kiosk queries (reports and feeds use their type).</summary>
    public const string DataKioskKey = "DATA_KIOSK_QUERY";

    /// <summary>
    /// True (default): createReport, createFeedDocument, createFeed and createQuery start simulated jobs, their
    /// get/cancel calls answer from the job, and every document URL points at this sandbox. False: these
    /// operations answer from the static cases only, like every other operation. A request carrying
    /// <c>x-spapi-sandbox-case</c> always gets the static case, verbatim.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Status calls that see IN_QUEUE, then IN_PROGRESS, before the final status (0: final at once).</summary>
    public int PollsPerStatus { get; set; } = 1;

    /// <summary>Each of IN_QUEUE and IN_PROGRESS also lasts at least this long on the sandbox clock.</summary>
    public TimeSpan StatusDuration { get; set; } = TimeSpan.Zero;

    /// <summary>Final status by report type, feed type or <see cref="DataKioskKey"/>: DONE (default), CANCELLED or FATAL.</summary>
    public IDictionary<string, string> FinalStatuses { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether report documents are GZIP-compressed (<c>compressionAlgorithm: GZIP</c>).</summary>
    public bool CompressReports { get; set; } = true;

    /// <summary>Data rows in a synthetic tab-delimited or JSON report.</summary>
    public int ReportRows { get; set; } = 25;

    /// <summary>How long a document URL is valid (Amazon: five minutes).</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest accepted feed upload.</summary>
    public long MaxUploadBytes { get; set; } = 32 * 1024 * 1024;

    internal string FinalStatusOf(string key) => FinalStatuses.TryGetValue(key, out var s) ? s : "DONE";

    internal void Validate()
    {
        if (PollsPerStatus is < 0 or > 10_000) throw new ArgumentOutOfRangeException(nameof(PollsPerStatus), PollsPerStatus, "SandboxOptions.Documents.PollsPerStatus must be 0 to 10000.");
        if (StatusDuration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(StatusDuration), StatusDuration, "SandboxOptions.Documents.StatusDuration must not be negative.");
        foreach (var (key, status) in FinalStatuses)
            if (status is not ("DONE" or "CANCELLED" or "FATAL"))
                throw new ArgumentException($"SandboxOptions.Documents.FinalStatuses['{key}'] must be DONE, CANCELLED or FATAL, not '{status}'.", nameof(FinalStatuses));
        if (ReportRows is < 0 or > 10_000_000) throw new ArgumentOutOfRangeException(nameof(ReportRows), ReportRows, "SandboxOptions.Documents.ReportRows must be 0 to 10000000.");
        if (UrlLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(UrlLifetime), UrlLifetime, "SandboxOptions.Documents.UrlLifetime must be positive.");
        if (MaxUploadBytes is < 1 or > 1L << 31) throw new ArgumentOutOfRangeException(nameof(MaxUploadBytes), MaxUploadBytes, "SandboxOptions.Documents.MaxUploadBytes must be 1 byte to 2 GB.");
    }
}
