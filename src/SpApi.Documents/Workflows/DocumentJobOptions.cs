namespace SpApi.Documents.Workflows;

/// <summary>How report, feed and Data Kiosk jobs are polled. Checked by <see cref="Validate"/>.</summary>
public sealed class DocumentJobOptions
{
    /// <summary>Wait after the first status check (made at once), growing from there.</summary>
    public TimeSpan InitialPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest interval between two status checks.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Each interval is the previous one times this factor (until <see cref="MaxPollInterval"/>).</summary>
    public double PollBackoffFactor { get; set; } = 1.5;

    /// <summary>Give up waiting after this long (the job keeps running at Amazon; resume it later by id).</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Longest error or processing document text kept in an exception.</summary>
    public int MaxErrorDocumentChars { get; set; } = 64 * 1024;

    /// <summary>Checks every option; called when the job helpers are created.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    public void Validate()
    {
        if (InitialPollInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(InitialPollInterval), InitialPollInterval, "DocumentJobOptions.InitialPollInterval must not be negative.");
        if (MaxPollInterval < InitialPollInterval) throw new ArgumentOutOfRangeException(nameof(MaxPollInterval), MaxPollInterval, "DocumentJobOptions.MaxPollInterval must be at least InitialPollInterval.");
        if (!(PollBackoffFactor >= 1) || double.IsInfinity(PollBackoffFactor)) throw new ArgumentOutOfRangeException(nameof(PollBackoffFactor), PollBackoffFactor, "DocumentJobOptions.PollBackoffFactor must be a finite number >= 1.");
        if (MaxWait <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxWait), MaxWait, "DocumentJobOptions.MaxWait must be positive.");
        if (MaxErrorDocumentChars is < 0 or > 16 * 1024 * 1024) throw new ArgumentOutOfRangeException(nameof(MaxErrorDocumentChars), MaxErrorDocumentChars, "DocumentJobOptions.MaxErrorDocumentChars must be 0 to 16M.");
    }
}
