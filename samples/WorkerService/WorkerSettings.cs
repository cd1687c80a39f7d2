namespace SpApi.Samples.WorkerService;

/// <summary>The <c>Worker</c> section of appsettings.json.</summary>
public sealed class WorkerSettings
{
    public string NotificationType { get; set; } = "ANY_OFFER_CHANGED";
    public List<string> ReportTypes { get; set; } = [];
    public double IntervalSeconds { get; set; } = 60;
    public int Rounds { get; set; }
}
