using System.Text;

namespace SpApi.Documents.Download;

/// <summary>How <see cref="DocumentDownloader"/> retries and decodes. Checked by <see cref="Validate"/>.</summary>
public sealed class DocumentDownloadOptions
{
    /// <summary>Attempts after the first for a transient failure (connection error, 408, 429, 5xx, a body cut short).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First retry delay; doubles each time up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between two retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Encoding of text documents whose Content-Type names no charset.</summary>
    public Encoding FallbackEncoding { get; set; } = new UTF8Encoding(false);

    /// <summary>Copy buffer size in bytes.</summary>
    public int BufferSize { get; set; } = 128 * 1024;

    /// <summary>Longest line accepted by the row and record readers (a hostile body cannot exhaust memory).</summary>
    public int MaxLineLength { get; set; } = 1024 * 1024;

    /// <summary>Checks every option; called by the downloader and uploader when they are created.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    /// <exception cref="ArgumentNullException"><see cref="FallbackEncoding"/> is null.</exception>
    public void Validate()
    {
        if (MaxRetryAttempts is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(MaxRetryAttempts), MaxRetryAttempts, "DocumentDownloadOptions.MaxRetryAttempts must be 0 to 100.");
        if (InitialRetryDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(InitialRetryDelay), InitialRetryDelay, "DocumentDownloadOptions.InitialRetryDelay must not be negative.");
        if (MaxRetryDelay < InitialRetryDelay) throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay, "DocumentDownloadOptions.MaxRetryDelay must be at least InitialRetryDelay.");
        ArgumentNullException.ThrowIfNull(FallbackEncoding, nameof(FallbackEncoding));
        if (BufferSize is < 4096 or > 16 * 1024 * 1024) throw new ArgumentOutOfRangeException(nameof(BufferSize), BufferSize, "DocumentDownloadOptions.BufferSize must be 4 KB to 16 MB.");
        if (MaxLineLength < 1024) throw new ArgumentOutOfRangeException(nameof(MaxLineLength), MaxLineLength, "DocumentDownloadOptions.MaxLineLength must be at least 1024.");
    }

    internal TimeSpan DelayFor(int retry)
    {
        var ticks = InitialRetryDelay.Ticks * Math.Pow(2, Math.Min(retry - 1, 30));
        return ticks >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
