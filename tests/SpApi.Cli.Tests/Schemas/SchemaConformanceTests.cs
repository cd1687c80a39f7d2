using Newtonsoft.Json.Linq;
using SpApi.Cli.Schemas;
using SpApi.Cli.Tests.Support;
using SpApi.Schemas;

namespace SpApi.Cli.Tests.Schemas;

/// <summary>The cases of <c>spapi schemas check</c>, one NUnit case each, and the command itself.</summary>
public class SchemaConformanceTests
{
    private static readonly string SchemasDir = SchemaConformance.Locate(null);

    public static IEnumerable<TestCaseData> Cases() =>
        SchemaConformance.Run(SchemaConformance.Locate(null)).Select(c => new TestCaseData(c).SetArgDisplayNames(c.ToString()));

    [TestCaseSource(nameof(Cases))]
    public void Every_example_survives_the_round_trip_through_its_generated_type(SchemaCase c) =>
        Assert.That(c.Passed, Is.True, c.Error);

    [Test]
    public void Every_pinned_schema_has_a_generated_root_type_in_its_kind_namespace()
    {
        Assert.That(SchemaCatalog.All, Has.Count.EqualTo(48));
        foreach (var e in SchemaCatalog.All)
            Assert.That(e.RootType.Namespace, Does.StartWith("SpApi." + char.ToUpperInvariant(e.Kind[0]) + e.Kind[1..] + "."), e.SchemaFile);
        Assert.That(SchemaCatalog.Find("reports/vendorSalesReport.json")!.RootType.FullName, Is.EqualTo("SpApi.Reports.VendorSales.VendorSalesReport"));
    }

    [Test]
    public void A_value_lost_in_the_round_trip_fails_the_case_naming_the_path()
    {
        // The generated type has no member for this value and the example's shape is wrong for it.
        var example = JObject.Parse("""{"reportSpecification":{"reportType":"GET_VENDOR_SALES_REPORT","marketplaceIds":"not-an-array"}}""");
        var c = SchemaConformance.Check("reports/vendorSalesReport.json", 0, example, typeof(SpApi.Reports.VendorSales.VendorSalesReport));

        Assert.That(c.Passed, Is.False);
        Assert.That(c.Error, Does.Contain("marketplaceIds"));
    }

    [Test]
    public async Task The_command_writes_the_report_and_exits_by_outcome()
    {
        var report = Path.Combine(Path.GetTempPath(), $"schemas-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, stdout, _) = await CliRun.RunAsync("schemas", "check", "--report", report, "--schemas", SchemasDir);
            var json = JObject.Parse(await File.ReadAllTextAsync(report));

            Assert.That(json.Value<int>("total"), Is.EqualTo(56));
            Assert.That(json.Value<int>("passed") + json.Value<int>("failed"), Is.EqualTo(56));
            Assert.That(exit, Is.EqualTo(json.Value<int>("failed") == 0 ? 0 : 1));
            var first = (JObject)json["cases"]!.First!;
            Assert.That(first.Properties().Select(p => p.Name), Is.EqualTo(new[] { "schema", "example", "outcome", "error" }));
            Assert.That(json["cases"]!.Any(c => c.Value<string>("schema") == "notifications/OrderChangeNotification.json" && c.Value<int>("example") == 0));
            Assert.That(stdout, Does.Contain("56 examples"));
        }
        finally { File.Delete(report); }
    }

    [Test]
    public async Task A_failing_example_makes_the_command_exit_1()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"schemas-{Guid.NewGuid():N}");
        try
        {
            // A copy of the pinned schemas with one example made unreadable for its type.
            foreach (var file in Directory.EnumerateFiles(SchemasDir, "*.json", SearchOption.AllDirectories))
            {
                var to = Path.Combine(dir, Path.GetRelativePath(SchemasDir, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
            var path = Path.Combine(dir, "reports", "vendorSalesReport.json");
            var schema = JObject.Parse(await File.ReadAllTextAsync(path));
            schema["examples"]![0]!["reportSpecification"]!["marketplaceIds"] = "not-an-array";
            await File.WriteAllTextAsync(path, schema.ToString());

            var (exit, stdout, _) = await CliRun.RunAsync("schemas", "check", "--schemas", dir);

            Assert.That(exit, Is.EqualTo(1));
            Assert.That(stdout, Does.Contain("FAILED reports/vendorSalesReport.json example 0"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
