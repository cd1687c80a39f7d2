using Newtonsoft.Json.Linq;
using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

public class ChangeReportTests
{
    private static ApiChangeReport Mixed() => new("1111111aaaa", "2222222bbbb",
    [
        new ModelChange(ChangeKind.PropertyAdded, "b/beta.json", "getBeta", false, "Beta.Items: added, optional array<string> (response)"),
        new ModelChange(ChangeKind.PropertyAdded, "b/beta.json", "listBeta", false, "Beta.Items: added, optional array<string> (response)"),
        new ModelChange(ChangeKind.DocumentationChanged, "b/beta.json", "getBeta", false, "GET /beta: documentation edited (description)"),
        new ModelChange(ChangeKind.OperationRemoved, "c/gamma.json", "deleteGamma", true, "DELETE /gamma"),
        new ModelChange(ChangeKind.OperationAdded, "c/gamma.json", "putGamma", false, "PUT /gamma"),
        new ModelChange(ChangeKind.UsagePlanChanged, "a/alpha.json", "getAlpha", false, "1 req/s, burst 1 -> unknown"),
    ]);

    [Test]
    public void The_json_report_has_the_agreed_fields()
    {
        var json = JObject.Parse(ChangeReportJson.Write(Mixed()));

        Assert.That(json.Value<string>("from"), Is.EqualTo("1111111aaaa"));
        Assert.That(json.Value<string>("to"), Is.EqualTo("2222222bbbb"));
        Assert.That(json.Value<string>("suggestedBump"), Is.EqualTo("major"));
        Assert.That(json["summary"]!.Value<int>("breaking"), Is.EqualTo(1));
        Assert.That(json["summary"]!["byKind"]!.Value<int>("propertyAdded"), Is.EqualTo(2));
        var removed = json["changes"]!.Single(c => c.Value<string>("kind") == "operationRemoved");
        Assert.That(((JObject)removed).Properties().Select(p => p.Name), Is.EqualTo(new[] { "kind", "modelFile", "operationId", "breaking", "detail" }));
        Assert.That(removed.Value<string>("modelFile"), Is.EqualTo("c/gamma.json"));
        Assert.That(removed.Value<string>("operationId"), Is.EqualTo("deleteGamma"));
        Assert.That(removed.Value<bool>("breaking"), Is.True);
    }

    [Test]
    public void The_json_report_reads_back_to_the_same_changes()
    {
        var original = Mixed();
        var read = ChangeReportJson.Read(ChangeReportJson.Write(original));

        Assert.That(read.Changes, Is.EqualTo(original.Changes));
        Assert.That((read.From, read.To, read.SuggestedBump), Is.EqualTo((original.From, original.To, original.SuggestedBump)));
    }

    [Test]
    public void The_markdown_report_puts_files_with_breaking_changes_first_and_breaking_before_the_rest()
    {
        var md = ChangeReportMarkdown.Write(Mixed());

        Assert.That(md, Does.Contain("Models `1111111` -> `2222222`"));
        Assert.That(md, Does.Contain("**Suggested version bump: major**"));
        var gamma = md.IndexOf("## c/gamma.json", StringComparison.Ordinal);
        var alpha = md.IndexOf("## a/alpha.json", StringComparison.Ordinal);
        var beta = md.IndexOf("## b/beta.json", StringComparison.Ordinal);
        Assert.That(gamma, Is.GreaterThan(0).And.LessThan(alpha));
        Assert.That(alpha, Is.LessThan(beta));
        var breaking = md.IndexOf("**Breaking**", gamma, StringComparison.Ordinal);
        var nonBreaking = md.IndexOf("**Non-breaking**", gamma, StringComparison.Ordinal);
        Assert.That(breaking, Is.GreaterThan(gamma).And.LessThan(nonBreaking));
        Assert.That(md.IndexOf("- operationRemoved: DELETE /gamma — `deleteGamma`", StringComparison.Ordinal), Is.InRange(breaking, nonBreaking));
    }

    [Test]
    public void The_markdown_report_lists_a_change_shared_by_operations_once_and_condenses_documentation()
    {
        var md = ChangeReportMarkdown.Write(Mixed());

        Assert.That(md, Does.Contain(@"- propertyAdded: Beta.Items: added, optional array\<string> (response) — `getBeta`, `listBeta`"));
        Assert.That(md, Does.Contain("Documentation only: 1 operation (`getBeta`)."));
    }

    [Test]
    public void An_empty_report_says_nothing_changed()
    {
        var report = new ApiChangeReport("a", "a", []);

        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.None));
        Assert.That(ChangeReportMarkdown.Write(report), Does.Contain("No changes"));
        Assert.That(JObject.Parse(ChangeReportJson.Write(report))["changes"], Is.Empty);
    }

    [TestCase(ChangeKind.DocumentationChanged, false, VersionBump.Patch)]
    [TestCase(ChangeKind.UsagePlanChanged, false, VersionBump.Patch)]
    [TestCase(ChangeKind.EnumValueAdded, false, VersionBump.Minor)]
    [TestCase(ChangeKind.OperationDeprecated, false, VersionBump.Minor)]
    [TestCase(ChangeKind.ParameterChanged, false, VersionBump.Minor)]
    [TestCase(ChangeKind.ParameterChanged, true, VersionBump.Major)]
    public void The_bump_follows_the_strongest_change(ChangeKind kind, bool breaking, VersionBump expected)
    {
        var changes = new[]
        {
            new ModelChange(ChangeKind.DocumentationChanged, "f.json", null, false, "docs"),
            new ModelChange(kind, "f.json", "op", breaking, "x"),
        };
        Assert.That(VersionBumps.Suggest(changes), Is.EqualTo(expected));
    }

    [Test]
    public void Report_file_names_pair_json_and_markdown()
    {
        Assert.That(ReportFiles.For("/tmp/r/changes.md"), Is.EqualTo(new ReportFiles("/tmp/r/changes.json", "/tmp/r/changes.md")));
        Assert.That(ReportFiles.For("/tmp/r/changes.JSON").MarkdownPath, Is.EqualTo("/tmp/r/changes.md"));
        Assert.That(ReportFiles.For("/tmp/r/changes"), Is.EqualTo(new ReportFiles("/tmp/r/changes.json", "/tmp/r/changes.md")));
    }
}
