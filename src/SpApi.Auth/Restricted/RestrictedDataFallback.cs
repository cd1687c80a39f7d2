using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpApi.Auth.Telemetry;
using SpApi.Runtime;

namespace SpApi.Auth.Restricted;

/// <summary>
/// What happens when an automatic RDT is refused for lack of roles on an operation that also answers the LWA token:
/// the refusal is remembered per application and seller (<see cref="RestrictedRoleRefusals"/>), logged once per period,
/// and every call served with the LWA token instead is counted on <see cref="SpApiTelemetry.RdtFallbacksInstrument"/>.
/// </summary>
public sealed class RestrictedDataFallback(RestrictedRoleRefusals refusals, SpApiMetrics? metrics = null, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>True while a refusal of RDTs for this application and seller is remembered.</summary>
    public bool IsRefused(string applicationClientId, string seller) => refusals.IsRefused(applicationClientId, seller);

    /// <summary>A fresh refusal: remember it, log it the first time in the period, count the call.</summary>
    public void Refused(string applicationClientId, string seller, OperationMetadata operation, SpApiException refusal)
    {
        if (refusals.Remember(applicationClientId, seller))
            _logger.LogWarning(
                "The Tokens API refused an automatic restricted data token for {Operation} (seller {Seller}): {Reason} " +
                "Calls that Amazon also answers with the LWA access token use it, without personal data, for the next {Period}. " +
                "Set HasRestrictedRoles to false if the application does not hold the restricted roles.",
                operation.Key, seller, refusal.Message, refusals.Duration);
        Count(operation, "refused");
    }

    /// <summary>A call served with the LWA token because a refusal is remembered.</summary>
    public void Remembered(OperationMetadata operation) => Count(operation, "remembered");

    private void Count(OperationMetadata operation, string reason) =>
        (metrics ?? SpApiMetrics.Shared).RdtFallbacks.Add(1, new TagList
        {
            { SpApiTelemetry.Tags.Operation, operation.Key },
            { SpApiTelemetry.Tags.FallbackReason, reason },
        });
}
