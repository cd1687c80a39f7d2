using SpApi.Documents.Download;
using SpApi.Runtime;

namespace SpApi.Documents.Workflows;

/// <summary>
/// Polls a job's status until it finishes: the interval grows by <see cref="DocumentJobOptions.PollBackoffFactor"/>
/// from <see cref="DocumentJobOptions.InitialPollInterval"/> to <see cref="DocumentJobOptions.MaxPollInterval"/>, never
/// shorter than the status operation's usage plan allows (one call per 1/rate seconds), and stops at
/// <see cref="DocumentJobOptions.MaxWait"/> on the given clock.
/// </summary>
internal sealed class JobPoller(DocumentJobOptions options, TimeProvider time, DocumentDownloader downloader)
{
    /// <summary>
    /// <see cref="PollAsync"/>, then the job when DONE; otherwise a <see cref="DocumentJobFailedException"/> with the
    /// text of the error document the job names (read through <paramref name="locate"/>), if any.
    /// </summary>
    public async Task<T> WaitForDoneAsync<T>(string kind, string id, OperationMetadata? statusOperation, Func<CancellationToken, Task<T>> get,
        Func<T, Enum?> status, Func<T, string?> errorDocumentId, Func<string, CancellationToken, Task<DocumentLocation>> locate,
        IProgress<DocumentJobProgress>? progress, CancellationToken cancellationToken)
    {
        var job = await PollAsync(kind, id, statusOperation, get, status, progress, cancellationToken);
        var finished = DocumentJobStatuses.From(status(job));
        if (finished == DocumentJobStatus.Done) return job;
        var errorId = errorDocumentId(job);
        var text = errorId is not null
            ? await ErrorDocuments.ReadTextAsync(downloader, ct => locate(errorId, ct), options.MaxErrorDocumentChars, cancellationToken)
            : null;
        throw new DocumentJobFailedException(kind, id, finished, errorId, text);
    }

    private async Task<T> PollAsync<T>(string kind, string id, OperationMetadata? statusOperation, Func<CancellationToken, Task<T>> get,
        Func<T, Enum?> status, IProgress<DocumentJobProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var floor = statusOperation?.UsagePlan is { Rate: > 0 } plan ? TimeSpan.FromSeconds(1 / plan.Rate) : TimeSpan.Zero;
        var interval = options.InitialPollInterval;
        var polls = 0;
        while (true)
        {
            var job = await get(cancellationToken);
            polls++;
            var raw = status(job);
            var current = DocumentJobStatuses.From(raw);
            var elapsed = time.GetElapsedTime(started);
            progress?.Report(new DocumentJobProgress(kind, id, current, raw?.ToString(), elapsed, polls));
            if (current.IsFinished()) return job;

            var wait = interval < floor ? floor : interval;
            if (elapsed + wait > options.MaxWait) throw new DocumentJobTimeoutException(kind, id, current, elapsed);
            await Task.Delay(wait, time, cancellationToken);
            interval = TimeSpan.FromTicks((long)Math.Min(Math.Max(options.MaxPollInterval.Ticks, floor.Ticks), wait.Ticks * options.PollBackoffFactor));
        }
    }
}
