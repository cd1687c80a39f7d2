using SpApi.Cli.Documents;
using SpApi.Documents.Workflows;

namespace SpApi.Cli.Commands;

/// <summary><c>spapi feeds submit</c>: upload a feed file, createFeed, wait for DONE, print the processing report.</summary>
public sealed class FeedsSubmitCommand : ICliCommand
{
    public string Name => "feeds submit";
    public string Summary => "Upload a feed file, submit it, wait until it is DONE and show its processing report.";
    public string Usage => """
        Options:
          --type TYPE             feed type, e.g. JSON_LISTINGS_FEED
          --file FILE             the feed document to upload
          --marketplace ID        marketplace id (default ATVPDKIKX0DER); also picks the region
          --content-type TYPE     exact upload content type (default from the file: .json application/json; charset=UTF-8,
                                  .xml text/xml; charset=UTF-8, otherwise text/tab-separated-values; charset=UTF-8)
          --report FILE           also save the processing report here
          --feed-id ID            resume: wait for an existing feed instead of submitting
          --feed-document-id ID   submit an already uploaded document (e.g. after an ambiguous failure) instead of --file
          --max-wait SECONDS      give up waiting after this long (default 3600; the feed keeps processing)
          --local-sandbox         run against the embedded sandbox (no credentials needed)
        Credentials: SPAPI_CLIENT_ID, SPAPI_CLIENT_SECRET, SPAPI_REFRESH_TOKEN (as for spapi smoke).
        A createFeed failure that does not say whether the feed was created is never retried (no duplicate feed):
        the command lists the feeds created since and exits 1.
        Exit code: 0 only when the feed finished DONE; 1 when it ended CANCELLED/FATAL, timed out or failed.
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args;
        var type = args.String("type");
        var file = args.String("file");
        var marketplace = args.String("marketplace", "ATVPDKIKX0DER");
        var contentType = args.String("content-type");
        var reportPath = args.String("report");
        var feedId = args.String("feed-id");
        var documentId = args.String("feed-document-id");
        var maxWait = TimeSpan.FromSeconds(args.Double("max-wait", 3600, min: 1, max: 7 * 24 * 3600));
        var local = args.Flag("local-sandbox");
        args.ThrowOnUnknown();
        if (feedId is null)
        {
            if (type is null) throw new CliUsageException("--type TYPE is required (or --feed-id ID to resume).");
            if (file is null && documentId is null) throw new CliUsageException("--file FILE is required.");
            if (file is not null && !File.Exists(file)) throw new CliUsageException($"--file {file} does not exist.");
        }

        await using var session = await DocumentCommandSession.StartAsync(context, local, marketplace, maxWait, cancellationToken);
        var feeds = session.Documents.Feeds;
        return await JobFailures.RunAsync(context, Name, async () =>
        {
            if (feedId is null)
            {
                if (documentId is null)
                {
                    await using var content = File.OpenRead(file!);
                    documentId = await feeds.UploadAsync(content, contentType ?? ContentTypeOf(file!), cancellationToken);
                    context.Error.WriteLine($"uploaded {content.Length} bytes as feed document {documentId}.");
                }
                feedId = await feeds.CreateAsync(type!, [marketplace], documentId, cancellationToken: cancellationToken);
                context.Error.WriteLine($"feed {feedId} submitted ({type}).");
            }
            var feed = await feeds.WaitAsync(feedId, JobProgressLine.ForConsole(context.Error), cancellationToken);
            if (reportPath is not null && feed.ResultFeedDocumentId is not null)
            {
                await using var output = File.Create(reportPath);
                await feeds.DownloadResultAsync(feed, output, cancellationToken);
            }
            if ((type ?? feed.FeedType) == "JSON_LISTINGS_FEED" && feed.ResultFeedDocumentId is not null)
            {
                var report = await feeds.ReadListingsReportAsync(feed, cancellationToken: cancellationToken);
                var s = report.Summary;
                context.Out.WriteLine($"feed {feedId} DONE: {s?.MessagesProcessed} processed, {s?.MessagesAccepted} accepted, {s?.MessagesInvalid} invalid, {s?.Errors} errors, {s?.Warnings} warnings");
                foreach (var issue in report.Issues.Take(50))
                    context.Out.WriteLine($"  message {issue.MessageId} {issue.Sku}: {issue.Severity} {issue.Code} {issue.Message}");
            }
            else
            {
                context.Out.WriteLine($"feed {feedId} DONE (processing report {feed.ResultFeedDocumentId ?? "none"}).");
            }
            return ExitCodes.Ok;
        });
    }

    internal static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".json" => "application/json; charset=UTF-8",
        ".xml" => "text/xml; charset=UTF-8",
        _ => "text/tab-separated-values; charset=UTF-8",
    };
}
