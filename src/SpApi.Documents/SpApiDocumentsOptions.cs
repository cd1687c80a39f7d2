using SpApi.Documents.Download;
using SpApi.Documents.Workflows;

namespace SpApi.Documents;

/// <summary>Settings of the documents add-on: storage downloads/uploads and job polling.</summary>
public sealed class SpApiDocumentsOptions
{
    public DocumentDownloadOptions Download { get; set; } = new();
    public DocumentJobOptions Jobs { get; set; } = new();

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Download, nameof(Download));
        ArgumentNullException.ThrowIfNull(Jobs, nameof(Jobs));
        Download.Validate();
        Jobs.Validate();
    }
}
