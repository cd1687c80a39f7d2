using SpApi.Feeds.V2021_06_30;

namespace SpApi.Documents.Workflows;

/// <summary>
/// createFeed failed in a way that does not say whether Amazon created the feed (connection lost, timeout,
/// 5xx). It is never re-posted automatically (that could process the same listings twice). The uploaded
/// document stays valid: check <see cref="Candidates"/> (feeds of this type created since the attempt) and either
/// resume one with <see cref="FeedJobs.WaitAsync"/>, or submit again deliberately with
/// <see cref="FeedJobs.CreateAsync"/> and <see cref="FeedDocumentId"/>.
/// </summary>
public sealed class FeedSubmissionAmbiguousException(string feedType, string feedDocumentId, IReadOnlyList<Feed>? candidates, Exception inner)
    : Exception($"createFeed for {feedType} (document {feedDocumentId}) failed without saying whether the feed was created ({inner.GetType().Name}); " +
        (candidates is null ? "the feeds created since could not be listed. " : $"{candidates.Count} feed(s) of this type were created since the attempt. ") +
        "Not retried automatically, to avoid a duplicate feed.", inner)
{
    /// <summary>The feed type of the attempt, e.g. <c>JSON_LISTINGS_FEED</c>.</summary>
    public string FeedType { get; } = feedType;

    /// <summary>The uploaded feed document; still valid for a deliberate new <see cref="FeedJobs.CreateAsync"/>.</summary>
    public string FeedDocumentId { get; } = feedDocumentId;

    /// <summary>Feeds of the same type and marketplaces created since the attempt (null when getFeeds failed too).</summary>
    public IReadOnlyList<Feed>? Candidates { get; } = candidates;
}
