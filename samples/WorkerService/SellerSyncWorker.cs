using Microsoft.Extensions.Options;
using SpApi.Notifications.V1;
using SpApi.Reports.V2021_06_30;
using SpApi.Runtime;

namespace SpApi.Samples.WorkerService;

/// <summary>
/// At start, makes sure the seller is subscribed to a notification type (destinations are grantless calls: the
/// pipeline fetches a client_credentials token by itself). Then, every interval, lists the reports still being made.
/// </summary>
public sealed class SellerSyncWorker(INotificationsClient notifications, IReportsClient reports, IOptions<WorkerSettings> settings,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SellerSyncWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var s = settings.Value;
        await EnsureSubscriptionAsync(s.NotificationType, stoppingToken);
        for (var round = 1; !stoppingToken.IsCancellationRequested; round++)
        {
            try
            {
                var pending = await reports.GetReportsAsync(reportTypes: s.ReportTypes,
                    processingStatuses: [ProcessingStatus.IN_QUEUE, ProcessingStatus.IN_PROGRESS], cancellationToken: stoppingToken);
                foreach (var report in pending.Reports)
                    log.LogInformation("Report {ReportId} ({ReportType}) is {Status}", report.ReportId, report.ReportType, report.ProcessingStatus);
                log.LogInformation("Round {Round}: {Count} reports in progress", round, pending.Reports.Count);
            }
            catch (SpApiException e)
            {
                // Throttling is already paced and retried by the pipeline; what arrives here is worth a log line, not a crash.
                log.LogWarning("Round {Round}: {Status} {Code} (request {RequestId})", round, e.StatusCode, e.ErrorCode, e.RequestId);
            }
            if (s.Rounds > 0 && round >= s.Rounds) break;
            await Task.Delay(TimeSpan.FromSeconds(s.IntervalSeconds), time, stoppingToken);
        }
        if (s.Rounds > 0) lifetime.StopApplication();
    }

    private async Task EnsureSubscriptionAsync(string notificationType, CancellationToken cancellationToken)
    {
        var destinations = await notifications.GetDestinationsAsync(cancellationToken);
        var destination = destinations.Payload.FirstOrDefault();
        if (destination is null)
        {
            log.LogWarning("No notification destination: create one (an SQS queue or EventBridge) before subscribing.");
            return;
        }
        var existing = await FindSubscriptionAsync(notificationType, cancellationToken);
        if (existing is { } subscription)
        {
            log.LogInformation("Subscribed to {Type}: subscription {Id} -> destination {Destination}", notificationType, subscription.SubscriptionId, subscription.DestinationId);
            return;
        }
        var created = await notifications.CreateSubscriptionAsync(new CreateSubscriptionRequest { DestinationId = destination.DestinationId, PayloadVersion = "1.0" },
            notificationType, cancellationToken);
        log.LogInformation("Subscribed to {Type}: subscription {Id}", notificationType, created.Payload.SubscriptionId);
    }

    private async Task<Subscription?> FindSubscriptionAsync(string notificationType, CancellationToken cancellationToken)
    {
        try
        {
            return (await notifications.GetSubscriptionAsync(notificationType, cancellationToken: cancellationToken)).Payload;
        }
        catch (SpApiException e) when (e.StatusCode == 404)
        {
            return null; // not subscribed yet
        }
    }
}
