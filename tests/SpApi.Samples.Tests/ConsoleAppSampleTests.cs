using SpApi.Samples.Tests.Support;

namespace SpApi.Samples.Tests;

/// <summary>samples/ConsoleApp as a user runs it: no settings, so against the local sandbox it starts itself.</summary>
public class ConsoleAppSampleTests
{
    [Test]
    public async Task Lists_orders_page_by_page_and_fetches_the_report_document()
    {
        var reportFile = Path.Combine(Path.GetTempPath(), $"spapi-console-report-{Guid.NewGuid():N}.txt");
        await using var sample = SampleProcess.Start(Repo.SampleDll("ConsoleApp", "SpApi.Samples.ConsoleApp"),
            "--Sample:ReportPollSeconds", "0", "--Sample:ReportFile", reportFile);
        var exit = await sample.WaitForExitAsync(TimeSpan.FromMinutes(3));
        var output = sample.Output;

        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Calling the local sandbox at http://127.0.0.1:"));
        Assert.That(output, Does.Contain("page 1: 250-1234567-8901234"), "searchOrders case 1, through the typed client");
        // Case 1 answers with a nextToken, so the loop asked for page 2; the static case ignores paginationToken and
        // answers page 1 again with the same token, which the pager recognises instead of looping.
        Assert.That(output, Does.Contain("page 2 repeats the previous page (nextToken unchanged): stopping."));
        Assert.That(output, Does.Not.Contain("page 2: "));
        Assert.That(output, Does.Contain("1 orders."));
        // The recorded case answers ID323; a sandbox that simulates report jobs gives an id of its own.
        Assert.That(output, Does.Match(@"Report \S+ requested \(GET_MERCHANT_LISTINGS_ALL_DATA\)\."));
        // Amazon's static case stays IN_PROGRESS; a sandbox that advances reports (and hosts their documents) gets further.
        Assert.That(output, Does.Match("poll 1: (IN_QUEUE|IN_PROGRESS|DONE)"));
        Assert.That(output, Does.Match("Report document (\\S+ )?(is at \\S+, outside the local sandbox|saved to )"));
        if (File.Exists(reportFile)) File.Delete(reportFile);
    }
}
