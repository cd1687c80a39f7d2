using Newtonsoft.Json;

namespace SpApi.Documents.Workflows;

/// <summary>
/// The processing report of a <c>JSON_LISTINGS_FEED</c> (Amazon's listings-feed-processing-report-schema-v2):
/// header, per-message issues and the summary counts. Item details (<c>items</c>) are not kept.
/// </summary>
public sealed class ListingsFeedProcessingReport
{
    /// <summary>Which seller and feed the report is about.</summary>
    [JsonProperty("header")] public ListingsFeedReportHeader? Header { get; set; }

    /// <summary>Problems found per feed message (errors, warnings, information).</summary>
    [JsonProperty("issues")] public List<ListingsFeedIssue> Issues { get; set; } = [];

    /// <summary>Counts of the messages processed, accepted and refused.</summary>
    [JsonProperty("summary")] public ListingsFeedSummary? Summary { get; set; }
}

/// <summary>The <c>header</c> of a listings feed processing report.</summary>
public sealed class ListingsFeedReportHeader
{
    /// <summary>The selling partner the feed was submitted for.</summary>
    [JsonProperty("sellerId")] public string? SellerId { get; set; }

    /// <summary>Version of the listings feed specification the feed used, e.g. <c>2.0</c>.</summary>
    [JsonProperty("version")] public string? Version { get; set; }

    /// <summary>The feed this report is about.</summary>
    [JsonProperty("feedId")] public string? FeedId { get; set; }
}

/// <summary>One issue Amazon found in a feed message.</summary>
public sealed class ListingsFeedIssue
{
    /// <summary>The <c>messageId</c> of the feed message the issue is about.</summary>
    [JsonProperty("messageId")] public long MessageId { get; set; }

    /// <summary>The SKU of that message, when Amazon names it.</summary>
    [JsonProperty("sku")] public string? Sku { get; set; }

    /// <summary>Amazon's issue code (e.g. <c>90220</c>).</summary>
    [JsonProperty("code")] public string? Code { get; set; }

    /// <summary><c>ERROR</c>, <c>WARNING</c> or <c>INFO</c>.</summary>
    [JsonProperty("severity")] public string? Severity { get; set; }

    /// <summary>Amazon's explanation of the issue.</summary>
    [JsonProperty("message")] public string? Message { get; set; }

    /// <summary>The listing attribute the issue concerns, when it concerns one.</summary>
    [JsonProperty("attributeName")] public string? AttributeName { get; set; }
}

/// <summary>The <c>summary</c> counts of a listings feed processing report.</summary>
public sealed class ListingsFeedSummary
{
    /// <summary>Issues of severity <c>ERROR</c>.</summary>
    [JsonProperty("errors")] public long Errors { get; set; }

    /// <summary>Issues of severity <c>WARNING</c>.</summary>
    [JsonProperty("warnings")] public long Warnings { get; set; }

    /// <summary>Feed messages Amazon processed.</summary>
    [JsonProperty("messagesProcessed")] public long MessagesProcessed { get; set; }

    /// <summary>Messages accepted (possibly with warnings).</summary>
    [JsonProperty("messagesAccepted")] public long MessagesAccepted { get; set; }

    /// <summary>Messages refused as invalid.</summary>
    [JsonProperty("messagesInvalid")] public long MessagesInvalid { get; set; }
}
