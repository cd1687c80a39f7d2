using Newtonsoft.Json.Linq;
using SpApi.Cli.Smoke;
using SpApi.Cli.Tests.Support;

namespace SpApi.Cli.Tests.Commands;

public class SmokeCommandTests
{
    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTemp() => _temp = Directory.CreateTempSubdirectory("spapi-smoke-");

    [TearDown]
    public void DeleteTemp() => _temp.Delete(recursive: true);

    [Test]
    public async Task Smoke_of_one_api_passes_prints_a_summary_and_writes_the_report()
    {
        var reportPath = Path.Combine(_temp.FullName, "r.json");
        var (exit, output, error) = await CliRun.RunAsync("smoke", "--api", "Sellers", "--report", reportPath);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), output + error);
        Assert.That(output, Does.Contain("Sellers V1").And.Contain("local: 3 cases, 3 passed, 0 failed, 0 skipped"));
        var report = JObject.Parse(await File.ReadAllTextAsync(reportPath));
        Assert.That((string)report["target"]!, Is.EqualTo("local"));
        Assert.That((int)report["passed"]!, Is.EqualTo(3));
        Assert.That(report["cases"]!.Select(c => (string)c["operationId"]!), Is.EquivalentTo(new[] { "getMarketplaceParticipations", "getAccount", "getAccount" }));
        Assert.That((long)report["serverStats"]!["tokenGrants"]!["refresh_token"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task Without_restricted_roles_the_run_exits_0_and_reports_skipped_pii_cases()
    {
        var reportPath = Path.Combine(_temp.FullName, "r.json");
        var (exit, output, error) = await CliRun.RunAsync("smoke", "--api", "Orders.V0", "--without-restricted-roles", "--report", reportPath);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), output + error);
        Assert.That(output, Does.Contain("without restricted roles"));
        var report = JObject.Parse(await File.ReadAllTextAsync(reportPath));
        Assert.That((int)report["failed"]!, Is.Zero);
        Assert.That((int)report["skipped"]!, Is.GreaterThan(0));
        var getOrders = report["cases"]!.Where(c => (string)c["operationId"]! == "getOrders").ToArray();
        Assert.That(getOrders.Select(c => (string)c["outcome"]!), Is.Not.Empty.And.All.EqualTo("passed"));
        Assert.That(report["cases"]!.Where(c => (string)c["outcome"]! == "skipped").Select(c => (string)c["error"]!), Is.All.StartWith("skipped: "));
    }

    [Test]
    public async Task Without_restricted_roles_is_for_the_local_sandbox_only()
    {
        var (exit, _, error) = await CliRun.RunAsync("smoke", "--target", "sandbox-na", "--without-restricted-roles");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("--without-restricted-roles applies to the local sandbox only"));
    }

    [Test]
    public async Task A_failing_case_makes_the_exit_code_non_zero_and_is_named()
    {
        // A copy of the Sellers model whose sample answer does not fit the model's type.
        var models = Directory.CreateDirectory(Path.Combine(_temp.FullName, "models"));
        var sellers = Directory.GetFiles(SmokeModels.Cases.ModelsDirectory, "sellers.json", SearchOption.AllDirectories).Single();
        var model = JObject.Parse(await File.ReadAllTextAsync(sellers));
        model["paths"]!["/sellers/v1/marketplaceParticipations"]!["get"]!["responses"]!["200"]!["x-amzn-api-sandbox"]!["static"]![0]!["response"] =
            new JObject { ["payload"] = "not a list" };
        await File.WriteAllTextAsync(Path.Combine(models.FullName, "sellers.json"), model.ToString());

        var (exit, output, _) = await CliRun.RunAsync("smoke", "--models", models.FullName, "--report", Path.Combine(_temp.FullName, "r.json"));

        Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
        Assert.That(output, Does.Contain("sellers.json#getMarketplaceParticipations#1").And.Contain("1 failed"));
    }

    [Test]
    public async Task A_live_target_without_credentials_is_skipped_with_a_clear_message()
    {
        foreach (var name in new[] { SmokeCredentials.ClientIdVariable, SmokeCredentials.ClientSecretVariable, SmokeCredentials.RefreshTokenVariable })
            Assume.That(Environment.GetEnvironmentVariable(name), Is.Null.Or.Empty, $"{name} is set in this environment");
        var reportPath = Path.Combine(_temp.FullName, "r.json");

        var (exit, output, error) = await CliRun.RunAsync("smoke", "--target", "sandbox-na", "--api", "Sellers", "--report", reportPath);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(error, Does.Contain("sandbox-na needs SPAPI_CLIENT_ID, SPAPI_CLIENT_SECRET, SPAPI_REFRESH_TOKEN"));
        var report = JObject.Parse(await File.ReadAllTextAsync(reportPath));
        Assert.That(((int)report["skipped"]!, (int)report["total"]!), Is.EqualTo((3, 3)));
        Assert.That(report["serverStats"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That(output, Does.Contain("sandbox-na: 3 cases, 0 passed, 0 failed, 3 skipped"));
    }

    [TestCase("--target", "mars", "--target must be one of local, sandbox-na, sandbox-eu, sandbox-fe")]
    [TestCase("--api", "NoSuchApi", "no sandbox cases for API 'NoSuchApi'")]
    [TestCase("--bogus", "x", "unknown option(s): --bogus")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message)
    {
        var (exit, _, error) = await CliRun.RunAsync("smoke", option, value);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain(message));
    }
}
