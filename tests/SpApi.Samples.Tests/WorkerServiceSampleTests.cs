using SpApi.Samples.Tests.Support;

namespace SpApi.Samples.Tests;

/// <summary>samples/WorkerService for one round against the local sandbox it starts itself.</summary>
public class WorkerServiceSampleTests
{
    [Test]
    public async Task Keeps_the_subscription_and_polls_reports()
    {
        await using var sample = SampleProcess.Start(Repo.SampleDll("WorkerService", "SpApi.Samples.WorkerService"), "--Worker:Rounds", "1");
        var exit = await sample.WaitForExitAsync(TimeSpan.FromMinutes(3));
        var output = sample.Output;

        Assert.That(exit, Is.EqualTo(0), output);
        // getDestinations is grantless (client_credentials token), getSubscription runs as the seller.
        Assert.That(output, Does.Contain("Subscribed to ANY_OFFER_CHANGED: subscription TEST_CASE_200_SUBSCRIPTION_ID -> destination TEST_CASE_200_DESTINATION_ID"));
        Assert.That(output, Does.Contain("Report ReportId1 (FEE_DISCOUNTS_REPORT) is IN_QUEUE").Or.Contain("Report ReportId1 (FEE_DISCOUNTS_REPORT) is IN_PROGRESS"));
        Assert.That(output, Does.Match(@"Round 1: \d+ reports in progress"));
    }
}
