using SpApi.Documents.Download;
using SpApi.Documents.Workflows;

namespace SpApi.Documents;

/// <summary>Settings of the documents add-on: storage downloads/uploads and job polling.</summary>
public sealed class SpApiDocumentsOptions
{
    /// <summary>Retries, decoding and limits of storage downloads and uploads.</summary>
    public DocumentDownloadOptions Download { get; set; } = new();

    /// <summary>How report, feed and Data Kiosk jobs are polled and how long to wait.</summary>
    public DocumentJobOptions Jobs { get; set; } = new();

    /// <summary>Checks both option groups; <c>AddDocuments</c> runs it when the host starts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    /// <exception cref="ArgumentNullException"><see cref="Download"/> or <see cref="Jobs"/> is null.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Download, nameof(Download));
        ArgumentNullException.ThrowIfNull(Jobs, nameof(Jobs));
        Download.Validate();
        Jobs.Validate();
    }
}
