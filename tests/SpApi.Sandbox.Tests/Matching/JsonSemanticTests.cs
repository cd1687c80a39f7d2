using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Matching;

namespace SpApi.Sandbox.Tests.Matching;

public class JsonSemanticTests
{
    [TestCase("""{"a":1,"b":"x"}""", """{"b":"x","a":1}""", TestName = "property order is irrelevant")]
    [TestCase("""{"a":1,"b":null}""", """{"a":1}""", TestName = "null equals missing")]
    [TestCase("""{"n":15.0}""", """{"n":15}""", TestName = "numbers compare by value")]
    [TestCase("""{"d":"2024-01-01T10:00:00Z"}""", """{"d":"2024-01-01T10:00:00+00:00"}""", TestName = "date-times compare as instants")]
    [TestCase("""{"d":"2024-01-01T10:00:00.000Z"}""", """{"d":"2024-01-01T12:00:00+02:00"}""", TestName = "date-times in other offsets")]
    [TestCase("""[{"a":[1,2]}]""", """[{"a":[1,2]}]""", TestName = "nested arrays")]
    [TestCase("""{"d":"2025-01-12"}""", """{"d":"2025-01-12T00:00:00+00:00"}""", TestName = "a date equals midnight UTC")]
    [TestCase("""{"d":"2024-01-01T00:00Z"}""", """{"d":"2024-01-01T00:00:00+00:00"}""", TestName = "date-times without seconds")]
    [TestCase("""{"n":5.905511805}""", """{"n":5.905512}""", TestName = "single-precision rounding")]
    public void Equal(string expected, string actual) =>
        Assert.That(JsonSemantic.FindDifference(JToken.Parse(expected), JToken.Parse(actual)), Is.Null);

    [TestCase("""{"a":1}""", """{"a":2}""", "$.a: expected 1, got 2")]
    [TestCase("""{"a":{"b":"x"}}""", """{"a":{"b":"y"}}""", "$.a.b: expected \"x\", got \"y\"")]
    [TestCase("""{"a":[1,2]}""", """{"a":[2,1]}""", "$.a[0]: expected 1, got 2")]
    [TestCase("""{"a":[1]}""", """{"a":[1,2]}""", "$.a: expected 1 item(s), got 2")]
    [TestCase("""{"a":1}""", """{"a":1,"extra":true}""", "$.extra: expected nothing, got true")]
    [TestCase("""{"a":"1"}""", """{"a":1}""", "$.a: expected \"1\", got 1")]
    [TestCase("""{"d":"2024-01-01"}""", """{"d":"2024-01-02"}""", "$.d: expected \"2024-01-01\", got \"2024-01-02\"")]
    [TestCase("""{"d":"2024-01-01T10:00:00Z"}""", """{"d":"2024-01-01T10:00:01Z"}""", "$.d: expected \"2024-01-01T10:00:00Z\", got \"2024-01-01T10:00:01Z\"")]
    public void Different(string expected, string actual, string difference) =>
        Assert.That(JsonSemantic.FindDifference(JToken.Parse(expected), JToken.Parse(actual)), Is.EqualTo(difference));

    [Test]
    public void Expected_only_ignores_what_only_the_actual_side_has_but_not_what_it_lacks()
    {
        var expected = JObject.Parse("""{"a":1,"b":{"c":"x"}}""");
        Assert.That(JsonSemantic.FindDifference(expected, JObject.Parse("""{"a":1,"b":{"c":"x","d":false},"e":[]}"""), JsonComparison.ExpectedOnly), Is.Null);
        Assert.That(JsonSemantic.FindDifference(expected, JObject.Parse("""{"a":1,"b":{}}"""), JsonComparison.ExpectedOnly), Is.EqualTo("$.b.c: expected \"x\", got nothing"));
        Assert.That(JsonSemantic.FindDifference(expected, null, JsonComparison.ExpectedOnly), Is.Not.Null);
    }

    [Test]
    public void All_differences_are_listed_in_document_order()
    {
        var differences = JsonSemantic.FindDifferences(JObject.Parse("""{"a":1,"b":[1,2],"c":"x"}"""), JObject.Parse("""{"a":2,"b":[1,3],"c":"x"}"""));
        Assert.That(differences.Select(d => d.Path), Is.EqualTo(new[] { "$.a", "$.b[1]" }));
    }

    [Test]
    public void Uris_written_by_typed_objects_compare_as_text()
    {
        var expected = JObject.Parse("""{"u":"https://example.com/a?b=c"}""");
        var actual = JObject.FromObject(new { u = new Uri("https://example.com/a?b=c") });
        Assert.That(JsonSemantic.AreEqual(expected, actual), Is.True);
    }

    [Test]
    public void Free_text_that_merely_starts_like_a_date_is_not_treated_as_one() =>
        Assert.That(JsonSemantic.AreEqual(JValue.CreateString("2024-01-01Tx"), JValue.CreateString("2024-01-01Ty")), Is.False);
}
