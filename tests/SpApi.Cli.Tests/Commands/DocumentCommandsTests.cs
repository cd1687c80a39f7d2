using System.Text.Json;
using SpApi.Cli.Tests.Support;

namespace SpApi.Cli.Tests.Commands;

/// <summary><c>spapi reports get</c>, <c>spapi feeds submit</c> and <c>spapi bench documents</c> as a user runs them, offline.</summary>
public class DocumentCommandsTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"spapi-docs-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Reports_get_against_the_local_sandbox_writes_the_decoded_report_and_exits_0()
    {
        var output = Path.Combine(_dir, "listings.txt");
        var (exit, stdout, stderr) = await CliRun.RunAsync("reports", "get", "--type", "GET_MERCHANT_LISTINGS_ALL_DATA", "--marketplace", "ATVPDKIKX0DER", "--out", output, "--local-sandbox");
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), stderr);
        Assert.That(stdout, Does.Contain("DONE"));
        var lines = await File.ReadAllLinesAsync(output);
        Assert.That(lines[0], Does.StartWith("item-name\tlisting-id\tseller-sku"));
        Assert.That(lines[1], Does.StartWith("Café Crème Größe 1 – Señor™\t"), "windows-1252 decoded, written as UTF-8");
    }

    [Test]
    public async Task A_report_still_running_at_max_wait_exits_1_with_the_id_to_resume()
    {
        // Resuming an id the sandbox never issued: the static getReport case answers IN_PROGRESS forever, so a short wait times out.
        var (exit, _, stderr) = await CliRun.RunAsync("reports", "get", "--report-id", "ID323", "--out", Path.Combine(_dir, "x.txt"), "--local-sandbox", "--max-wait", "1");
        Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
        Assert.That(stderr, Does.Contain("resume with --report-id ID323"));
        Assert.That(File.Exists(Path.Combine(_dir, "x.txt")), Is.False);
    }

    [Test]
    public async Task Feeds_submit_a_json_listings_feed_prints_the_processing_summary()
    {
        var feed = Path.Combine(_dir, "feed.json");
        await File.WriteAllTextAsync(feed, """
            {"header":{"sellerId":"A1SANDBOXSELLER","version":"2.0","issueLocale":"en_US"},
             "messages":[{"messageId":1,"sku":"SKU-1","operationType":"UPDATE","productType":"LUGGAGE","attributes":{}},
                         {"messageId":2,"operationType":"DELETE"}]}
            """);
        var (exit, stdout, stderr) = await CliRun.RunAsync("feeds", "submit", "--type", "JSON_LISTINGS_FEED", "--file", feed, "--local-sandbox");
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), stderr);
        Assert.That(stdout, Does.Contain("2 processed, 1 accepted, 1 invalid"));
        Assert.That(stdout, Does.Contain("'sku' is required"));
    }

    [Test]
    public async Task Live_runs_without_credentials_name_the_missing_variables()
    {
        if (Environment.GetEnvironmentVariable("SPAPI_CLIENT_ID") is not null) Assert.Ignore("credentials are set");
        var (exit, _, stderr) = await CliRun.RunAsync("feeds", "submit", "--type", "JSON_LISTINGS_FEED", "--file", "/dev/null");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(stderr, Does.Contain("SPAPI_CLIENT_ID"));
    }

    [Test, Category("Benchmark")]
    public async Task Bench_documents_writes_exactly_the_issue_fields()
    {
        var report = Path.Combine(_dir, "bench.json");
        var (exit, _, stderr) = await CliRun.RunAsync("bench", "documents", "--size-mb", "2", "--rounds", "1", "--report", report);
        Assert.That(exit, Is.AnyOf(ExitCodes.Ok, ExitCodes.Failed), stderr); // goals depend on the machine; the shape does not
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name),
            Is.EqualTo(new[] { "sizeMb", "libraryMBps", "floorMBps", "ratio", "peakManagedMb", "peakWorkingSetMb" }));
        Assert.That(json.RootElement.GetProperty("sizeMb").GetInt32(), Is.EqualTo(2));
        Assert.That(json.RootElement.GetProperty("libraryMBps").GetDouble(), Is.GreaterThan(0));
    }
}
