namespace SpApi.Sandbox.Documents;

/// <summary>A simulated report, feed or Data Kiosk query: its status advances with status calls and the sandbox clock.</summary>
internal sealed class SandboxJob(string id, string type, IReadOnlyList<string> marketplaceIds, DateTimeOffset created, string finalStatus)
{
    private static readonly string[] Stages = ["IN_QUEUE", "IN_PROGRESS"];
    private readonly Lock _lock = new();
    private int _polls;

    public string Id { get; } = id;

    /// <summary>Report type, feed type or the Data Kiosk query text.</summary>
    public string Type { get; } = type;
    public IReadOnlyList<string> MarketplaceIds { get; } = marketplaceIds;
    public DateTimeOffset Created { get; } = created;

    /// <summary>The status the last call saw.</summary>
    public string Status { get; private set; } = Stages[0];
    public DateTimeOffset? Started { get; private set; }
    public DateTimeOffset? Finished { get; private set; }

    /// <summary>Feeds: the seller that created it and the uploaded bytes.</summary>
    public string Seller { get; init; } = "";
    public byte[]? Upload { get; init; }

    /// <summary>The document made when the job finished (data, processing report or error document).</summary>
    public string? DocumentId { get; set; }

    /// <summary>Counts one status call and moves the status on: each running stage lasts PollsPerStatus calls and StatusDuration.</summary>
    public void Advance(DateTimeOffset now, SandboxDocumentOptions options)
    {
        lock (_lock)
        {
            if (Finished is not null) return;
            var polls = _polls++;
            var byPolls = options.PollsPerStatus == 0 ? 2 : polls / options.PollsPerStatus;
            var byTime = options.StatusDuration == TimeSpan.Zero ? 2 : (int)Math.Min(2, (now - Created).Ticks / options.StatusDuration.Ticks);
            var stage = Math.Min(byPolls, byTime);
            if (stage >= 1) Started ??= now;
            if (stage < 2)
            {
                Status = Stages[stage];
                return;
            }
            Status = finalStatus;
            Finished = now;
        }
    }

    /// <summary>Cancels a job that has not finished; false when it already had.</summary>
    public bool Cancel(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (Finished is not null) return false;
            Status = "CANCELLED";
            Finished = now;
            return true;
        }
    }
}
