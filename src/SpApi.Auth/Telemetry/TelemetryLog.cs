using Microsoft.Extensions.Logging;

namespace SpApi.Auth.Telemetry;

/// <summary>
/// Log events of the SP-API pipeline. They carry operation, status, request id and counts only:
/// never headers, bodies or URLs, so no token or personal data can reach a log.
/// </summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(EventId = 5101, EventName = "SpApiCallCompleted",
        Message = "SP-API {Operation} for seller {Seller} returned {StatusCode} in {ElapsedMs:0} ms (x-amzn-RequestId: {RequestId}, attempts {Attempts}, retries {Retries}, 429s {Throttled}, limiter wait {LimiterWaitMs:0} ms)")]
    public static partial void CallCompleted(ILogger logger, LogLevel level, string operation, string seller, int statusCode,
        double elapsedMs, string? requestId, int attempts, int retries, int throttled, double limiterWaitMs);

    [LoggerMessage(EventId = 5102, EventName = "SpApiCallFailed",
        Message = "SP-API {Operation} for seller {Seller} failed after {ElapsedMs:0} ms with {ErrorType} (attempts {Attempts}, retries {Retries}, 429s {Throttled})")]
    public static partial void CallFailed(ILogger logger, LogLevel level, Exception exception, string operation, string seller,
        double elapsedMs, string errorType, int attempts, int retries, int throttled);

    [LoggerMessage(EventId = 5103, EventName = "SpApiRetryScheduled", Level = LogLevel.Information,
        Message = "SP-API {Operation} for seller {Seller}: retry {Retry} after {Reason} in {DelayMs:0} ms (x-amzn-RequestId: {RequestId})")]
    public static partial void RetryScheduled(ILogger logger, string operation, string seller, int retry, string reason, double delayMs, string? requestId);

    [LoggerMessage(EventId = 5104, EventName = "SpApiRetryNotAllowed", Level = LogLevel.Debug,
        Message = "SP-API {Operation} for seller {Seller}: not retrying {Reason}: {Why}")]
    public static partial void RetryNotAllowed(ILogger logger, string operation, string seller, string reason, string why);

    [LoggerMessage(EventId = 5105, EventName = "SpApiRetryBudgetExhausted", Level = LogLevel.Warning,
        Message = "SP-API {Operation} for seller {Seller}: retry budget exhausted, returning {Reason} to the caller")]
    public static partial void RetryBudgetExhausted(ILogger logger, string operation, string seller, string reason);

    [LoggerMessage(EventId = 5106, EventName = "SpApiRateAdopted", Level = LogLevel.Information,
        Message = "SP-API {Operation} for seller {Seller}: adopting rate {Rate}/s from x-amzn-RateLimit-Limit (was {PreviousRate}/s)")]
    public static partial void RateAdopted(ILogger logger, string operation, string seller, double rate, double previousRate);

    [LoggerMessage(EventId = 5107, EventName = "SpApiThrottled", Level = LogLevel.Debug,
        Message = "SP-API {Operation} for seller {Seller}: 429 QuotaExceeded (x-amzn-RequestId: {RequestId}); local bucket drained")]
    public static partial void Throttled(ILogger logger, string operation, string seller, string? requestId);

    [LoggerMessage(EventId = 5108, EventName = "SpApiRateLimitRejected", Level = LogLevel.Warning,
        Message = "SP-API {Operation} for seller {Seller}: {Reason}")]
    public static partial void RateLimitRejected(ILogger logger, string operation, string seller, string reason);
}
