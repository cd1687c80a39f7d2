using System.Net;
using SpApi.Clients;
using SpApi.Documents.Download;
using SpApi.Documents.Upload;
using SpApi.Feeds.V2021_06_30;
using SpApi.Runtime;

namespace SpApi.Documents.Workflows;

/// <summary>
/// Feeds end to end: createFeedDocument, upload (exact content type), createFeed, poll getFeed, then the
/// processing report. Each step is public, so a restarted process resumes from a feed document id or feed id.
/// An ambiguous createFeed failure throws <see cref="FeedSubmissionAmbiguousException"/> and is never re-posted.
/// </summary>
public sealed class FeedJobs
{
    /// <summary>The job kind named in progress reports and exceptions (<see cref="DocumentJobProgress.Kind"/>).</summary>
    public const string Kind = "feed";
    private readonly IFeedsClient _feeds;
    private readonly DocumentDownloader _downloader;
    private readonly DocumentUploader _uploader;
    private readonly TimeProvider _time;
    private readonly JobPoller _poller;

    /// <summary>Feed jobs through the seller's <paramref name="feeds"/> client; uploads through <paramref name="uploader"/>, processing reports through <paramref name="downloader"/>; polling per <paramref name="options"/> on <paramref name="timeProvider"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named in the message).</exception>
    public FeedJobs(IFeedsClient feeds, DocumentDownloader downloader, DocumentUploader uploader, DocumentJobOptions? options = null, TimeProvider? timeProvider = null)
    {
        _feeds = feeds ?? throw new ArgumentNullException(nameof(feeds));
        _downloader = downloader ?? throw new ArgumentNullException(nameof(downloader));
        _uploader = uploader ?? throw new ArgumentNullException(nameof(uploader));
        var jobOptions = options ?? new DocumentJobOptions();
        jobOptions.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _poller = new JobPoller(jobOptions, _time, _downloader);
    }

    /// <summary>createFeedDocument and the upload; returns the feed document id for <see cref="CreateAsync"/>.</summary>
    public async Task<string> UploadAsync(Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var document = await _feeds.CreateFeedDocumentAsync(new CreateFeedDocumentSpecification { ContentType = contentType }, cancellationToken);
        var id = ReportJobs.Required(document?.FeedDocumentId, "createFeedDocument returned no feedDocumentId");
        await _uploader.UploadAsync(id, ReportJobs.ParseUrl(document!.Url, id), contentType, content, cancellationToken);
        return id;
    }

    /// <summary>createFeed for an uploaded document; returns the feed id (keep it to resume).</summary>
    /// <exception cref="FeedSubmissionAmbiguousException">The call failed without saying whether the feed exists.</exception>
    public async Task<string> CreateAsync(string feedType, IReadOnlyCollection<string> marketplaceIds, string feedDocumentId,
        IDictionary<string, string>? feedOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feedType);
        ArgumentNullException.ThrowIfNull(marketplaceIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(feedDocumentId);
        var specification = new CreateFeedSpecification { FeedType = feedType, MarketplaceIds = marketplaceIds.ToList(), InputFeedDocumentId = feedDocumentId };
        if (feedOptions is not null)
        {
            specification.FeedOptions = new FeedOptions();
            foreach (var (k, v) in feedOptions) specification.FeedOptions[k] = v;
        }
        var attempted = _time.GetUtcNow();
        try
        {
            var created = await _feeds.CreateFeedAsync(specification, cancellationToken);
            return ReportJobs.Required(created?.FeedId, "createFeed returned no feedId");
        }
        catch (Exception e) when (IsAmbiguous(e, cancellationToken))
        {
            throw new FeedSubmissionAmbiguousException(feedType, feedDocumentId, await CandidatesAsync(feedType, marketplaceIds, attempted, cancellationToken), e);
        }
    }

    /// <summary>Polls until the feed is DONE and returns it.</summary>
    /// <exception cref="DocumentJobFailedException">CANCELLED, or FATAL with the processing report's text.</exception>
    /// <exception cref="DocumentJobTimeoutException">Not finished within <see cref="DocumentJobOptions.MaxWait"/>.</exception>
    public async Task<Feed> WaitAsync(string feedId, IProgress<DocumentJobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feedId);
        return await _poller.WaitForDoneAsync(Kind, feedId, SpApiOperationCatalog.Instance.Find("feeds_2021-06-30.json", "getFeed"),
            ct => _feeds.GetFeedAsync(feedId, ct), f => f.ProcessingStatus, f => f.ResultFeedDocumentId, LocateAsync, progress, cancellationToken);
    }

    /// <summary>Upload, createFeed and <see cref="WaitAsync"/>: the whole submission.</summary>
    public async Task<Feed> SubmitAsync(string feedType, IReadOnlyCollection<string> marketplaceIds, Stream content, string contentType,
        IProgress<DocumentJobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var documentId = await UploadAsync(content, contentType, cancellationToken);
        var feedId = await CreateAsync(feedType, marketplaceIds, documentId, cancellationToken: cancellationToken);
        return await WaitAsync(feedId, progress, cancellationToken);
    }

    /// <summary>getFeedDocument: a fresh presigned URL for a feed's processing report.</summary>
    public async Task<DocumentLocation> LocateAsync(string feedDocumentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feedDocumentId);
        var document = await _feeds.GetFeedDocumentAsync(feedDocumentId, cancellationToken: cancellationToken);
        var location = new DocumentLocation(document?.FeedDocumentId ?? feedDocumentId, ReportJobs.ParseUrl(document?.Url, feedDocumentId),
            document?.CompressionAlgorithm?.ToString());
        location.Validate();
        return location;
    }

    /// <summary>Streams the DONE feed's processing report into a stream.</summary>
    public async Task<DocumentDownloadResult> DownloadResultAsync(Feed feed, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var location = await LocateAsync(ReportJobs.Required(feed.ResultFeedDocumentId, $"feed {feed.FeedId} has no resultFeedDocumentId"), cancellationToken);
        return await _downloader.DownloadToAsync(location, destination, cancellationToken);
    }

    /// <summary>The processing report of a DONE <c>JSON_LISTINGS_FEED</c>, parsed (at most <paramref name="maxBytes"/> of JSON).</summary>
    public async Task<ListingsFeedProcessingReport> ReadListingsReportAsync(Feed feed, long maxBytes = 64 * 1024 * 1024, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var buffer = new BoundedBuffer(maxBytes);
        var result = await DownloadResultAsync(feed, buffer, cancellationToken);
        buffer.Position = 0;
        using var text = new StreamReader(buffer, DocumentEncodings.FromCharset(result.EncodingName), detectEncodingFromByteOrderMarks: true);
        try
        {
            return Newtonsoft.Json.JsonConvert.DeserializeObject<ListingsFeedProcessingReport>(await text.ReadToEndAsync(cancellationToken))
                ?? throw new DocumentException($"The processing report of feed {feed.FeedId} is empty.");
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new DocumentException($"The processing report of feed {feed.FeedId} is not a JSON listings processing report: {e.Message}", e);
        }
    }

    private static bool IsAmbiguous(Exception e, CancellationToken cancellationToken) => e switch
    {
        SpApiException api => api.StatusCode >= 500 || api.StatusCode == (int)HttpStatusCode.RequestTimeout,
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private async Task<IReadOnlyList<Feed>?> CandidatesAsync(string feedType, IReadOnlyCollection<string> marketplaceIds, DateTimeOffset attempted, CancellationToken cancellationToken)
    {
        try
        {
            // A minute of slack for clock skew between us and Amazon.
            var page = await _feeds.GetFeedsAsync([feedType], marketplaceIds, pageSize: 100, createdSince: attempted.AddMinutes(-1), cancellationToken: cancellationToken);
            return page?.Feeds?.ToList() ?? [];
        }
        catch (Exception e) when (e is SpApiException or HttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>A memory stream that refuses to grow past a limit (a hostile processing report cannot exhaust memory).</summary>
    private sealed class BoundedBuffer(long max) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Check(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        private void Check(int count)
        {
            if (Length + count > max) throw new DocumentException($"The processing report is larger than {max} bytes; download it with DownloadResultAsync instead.");
        }
    }
}
