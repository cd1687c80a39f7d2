using SpApi.Generator.Diff;
using SpApi.Generator.Generation;
using SpApi.Runtime;

namespace SpApi.Generator.Tests.Diff;

public class UsagePlanTests
{
    private const string Table = "| Rate (requests per second) | Burst |\n| ---- | ---- |\n";

    [Test]
    public void Reads_the_rate_and_burst_row()
    {
        Assert.That(UsagePlanParser.Parse($"Gets it.\n\n**Usage Plan:**\n\n{Table}| 0.0167 | 20 |\n\nThe header..."),
            Is.EqualTo(new UsagePlan(0.0167, 20)));
    }

    [Test]
    public void Reads_the_default_row_of_a_table_with_a_plan_type_column()
    {
        const string description = "**Usage Plans:**\n\n| Plan type | Rate (requests per second) | Burst |\n| ---- | ---- | ---- |\n" +
                                   "|Default| 5 | 10 |\n|Selling partner specific| Variable | Variable |\n\nMore.";
        Assert.That(UsagePlanParser.Parse(description), Is.EqualTo(new UsagePlan(5, 10)));
    }

    [Test]
    public void Reads_tables_written_with_literal_backslash_n()
    {
        Assert.That(UsagePlanParser.Parse(@"Lists.\n\n**Usage Plan:**\n\n| Rate (requests per second) | Burst |\n| ---- | ---- |\n| 2 | 6 |\n\nThe"),
            Is.EqualTo(new UsagePlan(2, 6)));
    }

    [TestCase("| n | n |", TestName = "Placeholder values are unknown")]
    [TestCase("", TestName = "A header without rows is unknown")]
    public void Unreadable_tables_are_unknown_not_guessed(string row) =>
        Assert.That(UsagePlanParser.Parse($"**Usage Plan:**\n\n{Table}{row}\n\nText"), Is.Null);

    [TestCase(null)]
    [TestCase("Returns the order. See the usage plans page.")]
    public void Descriptions_without_a_table_have_no_plan(string? description) => Assert.That(UsagePlanParser.Parse(description), Is.Null);

    [Test]
    public void A_changed_usage_plan_is_reported_as_non_breaking_and_a_patch()
    {
        var report = DiffFixture.Diff(m => m.GetOrder()["description"] = m.GetOrder().Value<string>("description")!.Replace("| 0.5 | 30 |", "| 1 | 5 |"));

        var change = report.Single(ChangeKind.UsagePlanChanged);
        Assert.That(change, Has.Property("OperationId").EqualTo("getOrder").And.Property("Breaking").False);
        Assert.That(change.Detail, Is.EqualTo("0.5 req/s, burst 30 -> 1 req/s, burst 5"));
        Assert.That(report.ApiKinds(), Is.EqualTo(new[] { ChangeKind.UsagePlanChanged }));
        Assert.That(report.SuggestedBump, Is.EqualTo(VersionBump.Patch));
    }

    [Test]
    public void A_usage_plan_dropped_from_the_description_becomes_unknown()
    {
        var report = DiffFixture.Diff(m => m.GetOrder()["description"] = "Returns an order.");

        Assert.That(report.Single(ChangeKind.UsagePlanChanged).Detail, Is.EqualTo("0.5 req/s, burst 30 -> unknown"));
    }
}
