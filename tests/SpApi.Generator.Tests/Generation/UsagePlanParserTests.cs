using SpApi.Generator.Generation;
using SpApi.Runtime;

namespace SpApi.Generator.Tests.Generation;

public class UsagePlanParserTests
{
    [Test]
    public void Standard_table()
    {
        const string d = "Returns orders.\n\n**Usage Plan:**\n\n| Rate (requests per second) | Burst |\n| ---- | ---- |\n| 0.0167 | 20 |\n\nThe `x-amzn-RateLimit-Limit`...";
        Assert.That(UsagePlanParser.Parse(d), Is.EqualTo(new UsagePlan(0.0167, 20)));
    }

    [Test]
    public void Escaped_newlines_and_plan_type_tables()
    {
        Assert.That(UsagePlanParser.Parse("**Usage Plan:**\\n\\n| Rate (requests per second) | Burst |\\n| ---- | ---- |\\n| 2 | 6 |\\n"), Is.EqualTo(new UsagePlan(2, 6)));
        Assert.That(UsagePlanParser.Parse("**Usage Plans:**\n\n| Plan type | Rate (requests per second) | Burst |\n| ---- | ---- | ---- |\n|Default| 5 | 10 |\n|Selling partner specific| Variable | Variable |"),
            Is.EqualTo(new UsagePlan(5, 10)));
    }

    [TestCase(null)]
    [TestCase("No plan here.")]
    [TestCase("| Rate (requests per second) | Burst |\n| ---- | ---- |\n| n | n |")]
    public void Unknown_plans_are_null_never_invented(string? description) =>
        Assert.That(UsagePlanParser.Parse(description), Is.Null);
}
