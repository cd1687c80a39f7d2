using System.Globalization;
using SpApi.Runtime;

namespace SpApi.Auth.RateLimiting;

/// <summary>Why the client-side limiter refused a call.</summary>
public enum RateLimitRejection
{
    /// <summary><see cref="RateLimitHandlerOptions.QueueLimit"/> calls were already waiting for the same bucket.</summary>
    QueueFull,

    /// <summary>The call waited <see cref="RateLimitHandlerOptions.MaxWait"/> without getting a token.</summary>
    MaxWaitExceeded,
}

/// <summary>
/// The client-side usage-plan limiter refused a call before it was sent (nothing reached Amazon).
/// Names the operation, seller and plan; never carries tokens or request data.
/// </summary>
public sealed class RateLimitExceededException : Exception
{
    /// <summary>Creates the exception for a call refused by the limiter; the message names operation, seller, endpoint and plan.</summary>
    public RateLimitExceededException(RateLimitRejection reason, OperationMetadata operation, string seller,
        string endpoint, UsagePlan plan, int queueLimit, TimeSpan maxWait)
        : base(BuildMessage(reason, operation, seller, endpoint, plan, queueLimit, maxWait))
    {
        Reason = reason;
        OperationId = operation.OperationId;
        OperationKey = operation.Key;
        Seller = seller;
        Endpoint = endpoint;
        Plan = plan;
        QueueLimit = queueLimit;
        MaxWait = maxWait;
    }

    /// <summary>Why the call was refused (queue full or the wait would exceed the limit).</summary>
    public RateLimitRejection Reason { get; }

    /// <summary>Operation id, e.g. <c>getOrders</c>.</summary>
    public string OperationId { get; }

    /// <summary>Operation key, e.g. <c>ordersV0.json#getOrders</c>.</summary>
    public string OperationKey { get; }

    /// <summary>Seller name (<c>default</c> for the client's default seller).</summary>
    public string Seller { get; }

    /// <summary>The SP-API endpoint (scheme, host and port) the bucket belongs to.</summary>
    public string Endpoint { get; }

    /// <summary>The plan in force when the call was refused (after any header-driven update).</summary>
    public UsagePlan Plan { get; }

    /// <summary>The per-bucket queue limit in force (<see cref="RateLimitHandlerOptions"/>).</summary>
    public int QueueLimit { get; }
    /// <summary>The longest wait a call may be queued for (<see cref="RateLimitHandlerOptions"/>).</summary>
    public TimeSpan MaxWait { get; }

    private static string BuildMessage(RateLimitRejection reason, OperationMetadata op, string seller, string endpoint,
        UsagePlan plan, int queueLimit, TimeSpan maxWait)
    {
        var what = $"{op.OperationId} ({op.Key}) for seller '{seller}' at {endpoint}, usage plan {plan}";
        return reason switch
        {
            RateLimitRejection.QueueFull =>
                $"SP-API rate limit: {queueLimit} calls to {what} were already waiting; this call was refused without being sent. Lower the concurrency or raise RateLimitHandlerOptions.QueueLimit.",
            _ =>
                $"SP-API rate limit: a call to {what} waited {maxWait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s for a token and was refused without being sent. Lower the call rate or raise RateLimitHandlerOptions.MaxWait.",
        };
    }
}
