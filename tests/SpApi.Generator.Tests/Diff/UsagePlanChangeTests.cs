using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

/// <summary>Usage-plan changes in the report (the table parser itself is tested in Generation/UsagePlanParserTests).</summary>
public class UsagePlanChangeTests
{
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
