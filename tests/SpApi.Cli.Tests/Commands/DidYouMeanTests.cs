using SpApi.Cli.Tests.Support;

namespace SpApi.Cli.Tests.Commands;

/// <summary>Mistyped verbs, options and API names get the closest known names as a suggestion.</summary>
public class DidYouMeanTests
{
    [TestCase(new[] { "smok" }, "unknown command 'smok'. Did you mean 'spapi smoke'?")]
    [TestCase(new[] { "operatoins" }, "Did you mean 'spapi operations'?")]
    [TestCase(new[] { "sandbox", "serv" }, "Did you mean 'spapi sandbox serve'?")]
    [TestCase(new[] { "bench", "ratelimt" }, "Did you mean 'spapi bench ratelimit'?")]
    public async Task Unknown_verb_suggests_the_closest(string[] args, string message)
    {
        var (exit, _, error) = await CliRun.RunAsync(args);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public async Task Unrelated_word_gets_no_suggestion()
    {
        var (exit, _, error) = await CliRun.RunAsync("zzzzzz");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Not.Contain("Did you mean"));
        Assert.That(error, Does.Contain("unknown command 'zzzzzz'"));
    }

    [Test]
    public async Task Unknown_option_suggests_the_option_the_verb_reads()
    {
        var (exit, _, error) = await CliRun.RunAsync("operations", "--jsn");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("unknown option(s): --jsn. Did you mean '--json'?"));
    }

    [Test]
    public async Task Unknown_api_suggests_the_closest_api()
    {
        var (exit, _, error) = await CliRun.RunAsync("operations", "--api", "Ordrs");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("no API named 'Ordrs'. Did you mean 'Orders'?"));
    }

    [Test]
    public async Task Unknown_smoke_api_suggests_the_closest_api_or_model_file()
    {
        var (exit, _, error) = await CliRun.RunAsync("smoke", "--api", "ordersv1.json");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("Did you mean 'ordersV0.json'"));
    }

    [TestCase("smoke", "smok", true)]
    [TestCase("operations", "opreations", true)]
    [TestCase("json", "xyz", false)]
    [TestCase("report", "rep", true)]
    public void Closest_uses_edit_distance_and_prefixes(string known, string typed, bool suggested) =>
        Assert.That(DidYouMean.Closest(typed, [known, "unrelated-name"]), suggested ? Is.EqualTo(new[] { known }) : Is.Empty);
}
