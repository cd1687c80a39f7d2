using SpApi.Documents.Download;
using SpApi.Documents.Workflows;
using SpApi.Runtime;

namespace SpApi.Cli.Documents;

/// <summary>Turns a job's typed failure into a message and exit code 1 (0 is only for DONE).</summary>
internal static class JobFailures
{
    public static async Task<int> RunAsync(CliContext context, string verb, Func<Task<int>> job)
    {
        try
        {
            return await job();
        }
        catch (DocumentJobFailedException e)
        {
            context.Error.WriteLine($"spapi {verb}: {e.Message}");
            if (e.ErrorDocumentText is { Length: > 0 } text) context.Error.WriteLine(text);
            return ExitCodes.Failed;
        }
        catch (DocumentJobTimeoutException e)
        {
            context.Error.WriteLine($"spapi {verb}: {e.Message} (resume with --{e.Kind}-id {e.Id})");
            return ExitCodes.Failed;
        }
        catch (FeedSubmissionAmbiguousException e)
        {
            context.Error.WriteLine($"spapi {verb}: {e.Message}");
            foreach (var feed in e.Candidates ?? []) context.Error.WriteLine($"  candidate feed {feed.FeedId} created {feed.CreatedTime:O} ({feed.ProcessingStatus})");
            context.Error.WriteLine($"  resume one with --feed-id ID, or resubmit the uploaded document with --feed-document-id {e.FeedDocumentId}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is DocumentException or SpApiException)
        {
            context.Error.WriteLine($"spapi {verb}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
