using Newtonsoft.Json;
using SpApi.Documents.Download;
using SpApi.Documents.Reading;

namespace SpApi.Documents.Tests.Reading;

public class JsonRecordReaderTests
{
    public sealed class Sale
    {
        [JsonProperty("sku")] public string? Sku { get; set; }
        [JsonProperty("units")] public int Units { get; set; }
    }

    private static Task<List<Sale>> ReadAsync(string json, string? arrayProperty = null) =>
        JsonRecordReader.ReadAsync<Sale>(new StringReader(json), arrayProperty).ToListAsync().AsTask();

    [Test]
    public async Task A_root_array_yields_each_element()
    {
        var sales = await ReadAsync("""[{"sku":"A","units":1},{"sku":"B","units":2}]""");
        Assert.That(sales.Select(s => (s.Sku, s.Units)), Is.EqualTo(new[] { ("A", 1), ("B", 2) }));
    }

    [Test]
    public async Task Json_lines_yield_each_line()
    {
        var sales = await ReadAsync("{\"sku\":\"A\",\"units\":1}\n{\"sku\":\"B\",\"units\":2}\n");
        Assert.That(sales.Select(s => s.Sku), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public async Task A_named_array_property_is_streamed_and_the_rest_skipped()
    {
        var json = """{"reportSpecification":{"records":[{"sku":"WRONG"}]},"salesByAsin":[{"sku":"A","units":3}],"tail":{"x":[1,2]}}""";
        var sales = await ReadAsync(json, "salesByAsin");
        Assert.That(sales.Single().Units, Is.EqualTo(3));
        Assert.That(await ReadAsync(json, "missing"), Is.Empty);
    }

    [Test]
    public void Malformed_json_and_wrong_types_are_named()
    {
        var e = Assert.ThrowsAsync<DocumentException>(() => ReadAsync("""[{"sku":"A","units":1},{"sku":"""));
        Assert.That(e!.Message, Does.Contain("malformed"));
        var t = Assert.ThrowsAsync<DocumentException>(() => ReadAsync("""[{"sku":"A","units":"many"}]"""));
        Assert.That(t!.Message, Does.Contain(nameof(Sale)));
    }

    [Test]
    public void An_overlong_tab_delimited_line_is_refused()
    {
        var text = "a\tb\n" + new string('x', 5000) + "\n";
        var e = Assert.ThrowsAsync<DocumentException>(async () => await TabDelimitedReader.ReadAsync(new StringReader(text), maxLineLength: 1024).ToListAsync());
        Assert.That(e!.Message, Does.Contain("Line 2"));
    }
}
