using Newtonsoft.Json;

namespace SpApi.Documents.Workflows;

/// <summary>
/// The processing report of a <c>JSON_LISTINGS_FEED</c> (Amazon's listings-feed-processing-report-schema-v2):
/// header, per-message issues and the summary counts. Item details (<c>items</c>) are not kept.
/// </summary>
public sealed class ListingsFeedProcessingReport
{
    [JsonProperty("header")] public ListingsFeedReportHeader? Header { get; set; }
    [JsonProperty("issues")] public List<ListingsFeedIssue> Issues { get; set; } = [];
    [JsonProperty("summary")] public ListingsFeedSummary? Summary { get; set; }
}

public sealed class ListingsFeedReportHeader
{
    [JsonProperty("sellerId")] public string? SellerId { get; set; }
    [JsonProperty("version")] public string? Version { get; set; }
    [JsonProperty("feedId")] public string? FeedId { get; set; }
}

public sealed class ListingsFeedIssue
{
    [JsonProperty("messageId")] public long MessageId { get; set; }
    [JsonProperty("sku")] public string? Sku { get; set; }
    [JsonProperty("code")] public string? Code { get; set; }
    /// <summary><c>ERROR</c>, <c>WARNING</c> or <c>INFO</c>.</summary>
    [JsonProperty("severity")] public string? Severity { get; set; }
    [JsonProperty("message")] public string? Message { get; set; }
    [JsonProperty("attributeName")] public string? AttributeName { get; set; }
}

public sealed class ListingsFeedSummary
{
    [JsonProperty("errors")] public long Errors { get; set; }
    [JsonProperty("warnings")] public long Warnings { get; set; }
    [JsonProperty("messagesProcessed")] public long MessagesProcessed { get; set; }
    [JsonProperty("messagesAccepted")] public long MessagesAccepted { get; set; }
    [JsonProperty("messagesInvalid")] public long MessagesInvalid { get; set; }
}
