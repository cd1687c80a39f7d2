using SpApi.Cli.Smoke;
using SpApi.Cli.Tests.Support;

namespace SpApi.Cli.Tests.Smoke;

/// <summary>
/// Every static sandbox case of the pinned models, sent through its generated client method and the
/// auth stage (LWA, RDT, grantless) to the in-process sandbox, one test per case.
/// </summary>
[TestFixture]
public class SmokeCaseTests
{
    private SmokeSession _session = null!;

    public static IEnumerable<TestCaseData> AllCases() =>
        SmokeModels.Cases.Cases.Select(c => new TestCaseData(c.Id).SetName(c.Id));

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _session = await SmokeSession.StartAsync(new SmokeSessionOptions { Cases = SmokeModels.Cases }, CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    [TestCaseSource(nameof(AllCases))]
    public async Task Case_passes_through_the_typed_client(string id)
    {
        var c = SmokeModels.Cases.Cases.Single(x => x.Id == id);
        var result = await _session.RunCaseAsync(c, CancellationToken.None);
        foreach (var note in result.Notes) TestContext.Out.WriteLine("workaround: " + note);
        Assert.That(result.Outcome, Is.EqualTo(SmokeOutcome.Passed), result.Error);
    }
}
